using System.Security.Cryptography;
using System.Text;

namespace Pipectl.Core.Naming;

/// <summary>
/// A derived name fitted to a service's length limit: a name within the limit is kept as it is (so no existing
/// stack's name changes); a longer one keeps its start and ends in <c>-</c> and <see cref="HashLength"/> hex digits of
/// the SHA-256 of the whole name, so two long names that share their start stay apart, and one name always fits
/// the same way. The hash is lowercase hex, valid wherever the name's own characters are.
/// </summary>
public static class BoundedName
{
    /// <summary>How many hex digits of the hash end a fitted name.</summary>
    public const int HashLength = 8;

    /// <summary><paramref name="name"/> if it has at most <paramref name="maxLength"/> characters; else its start, <c>-</c> and the hash.</summary>
    public static string Fit(string name, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, HashLength + 2);
        if (name.Length <= maxLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..HashLength];
        return $"{name[..KeptLength(maxLength)]}-{hash}";
    }

    /// <summary>
    /// True when <paramref name="candidate"/> is how a pipectl before <see cref="Fit"/> cut the name that now fits as
    /// <paramref name="fitted"/>: the first <paramref name="maxLength"/> characters of the long name, so the same kept
    /// start and the full length. A stack made then still has its resource under that name.
    /// </summary>
    public static bool IsEarlierCut(string candidate, string fitted, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(fitted);
        return candidate.Length == maxLength && fitted.Length == maxLength && candidate != fitted
            && fitted[KeptLength(maxLength)] == '-' && fitted[(KeptLength(maxLength) + 1)..].All(char.IsAsciiHexDigitLower)
            && string.CompareOrdinal(candidate, 0, fitted, 0, KeptLength(maxLength)) == 0;
    }

    private static int KeptLength(int maxLength) => maxLength - HashLength - 1;
}
