using System.Text;

namespace Pipectl.Core.Seeding;

/// <summary>
/// Files that look like they hold secrets and must not be committed by accident: dotenv files, cloud and
/// package-registry credentials, SSH and TLS private keys, and any file whose content carries a private key
/// or an AWS secret key. A file is refused unless a <c>--seed-allow-secret</c> pattern matches its path.
/// </summary>
public static class SecretFileRules
{
    /// <summary>File names (lowercase) that are secrets by name.</summary>
    private static readonly HashSet<string> SecretNames = new(StringComparer.Ordinal)
    {
        ".env", "credentials", "credentials.json", "credentials.csv", ".netrc", "_netrc", ".pgpass", ".git-credentials",
        ".htpasswd", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk",
        "terraform.tfstate", "terraform.tfstate.backup", ".dockercfg", "secrets.yml", "secrets.yaml", "secrets.json",
    };

    /// <summary>File extensions (lowercase) of private keys and key stores.</summary>
    private static readonly string[] SecretExtensions = [".pem", ".key", ".p12", ".pfx", ".jks", ".keystore", ".ppk", ".tfstate"];

    /// <summary>dotenv variants that by convention hold no secrets, only the names to fill in.</summary>
    private static readonly HashSet<string> DotenvTemplates = new(StringComparer.Ordinal) { ".env.example", ".env.sample", ".env.template", ".env.dist" };

    /// <summary>Folders (lowercase) whose files are credentials: the AWS CLI's, SSH's, Docker's and GnuPG's.</summary>
    private static readonly HashSet<string> SecretFolders = new(StringComparer.Ordinal) { ".aws", ".ssh", ".docker", ".gnupg" };

    /// <summary>Package-registry settings files that are secret only when they carry a token or password.</summary>
    private static readonly Dictionary<string, string[]> TokenFiles = new(StringComparer.Ordinal)
    {
        [".npmrc"] = ["_authtoken", "_auth", "_password"],
        [".yarnrc.yml"] = ["npmauthtoken", "npmauthident"],
        [".pypirc"] = ["password"],
        ["settings.xml"] = ["<password>"],
    };

    /// <summary>Content that is a secret wherever it is.</summary>
    private static readonly string[] SecretMarkers = ["PRIVATE KEY-----", "aws_secret_access_key", "AWS_SECRET_ACCESS_KEY="];

    /// <summary>Why <paramref name="path"/> looks like a secret, or null when it does not.</summary>
    /// <param name="path">The "/"-separated path relative to the seed folder.</param>
    /// <param name="content">The file's bytes (a private key is known by its content too).</param>
    public static string? Reason(string path, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.ToLowerInvariant().Split('/');
        var name = parts[^1];
        if (parts[..^1].FirstOrDefault(SecretFolders.Contains) is { } folder)
        {
            return $"files in {folder}/ are credentials";
        }

        if (SecretNames.Contains(name) || (name.StartsWith(".env.", StringComparison.Ordinal) && !DotenvTemplates.Contains(name)))
        {
            return "its name is that of a secrets file";
        }

        if (SecretExtensions.FirstOrDefault(e => name.EndsWith(e, StringComparison.Ordinal)) is { } extension)
        {
            return $"{extension} files hold private keys or certificates with keys";
        }

        var text = Encoding.UTF8.GetString(content);
        if (TokenFiles.TryGetValue(name, out var keys) && keys.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase)))
        {
            return "it holds a registry token or password";
        }

        return SecretMarkers.Any(m => text.Contains(m, StringComparison.Ordinal)) ? "its content holds a private key or an AWS secret key" : null;
    }
}
