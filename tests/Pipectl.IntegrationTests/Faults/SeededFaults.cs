using System.Collections.Concurrent;
using System.Text;

namespace Pipectl.IntegrationTests.Faults;

/// <summary>
/// Decides, for each request, whether it gets a fault and which one. The decision depends only on the seed,
/// the request's content (method, path, target, body) and how many identical requests came before it, never
/// on arrival order: concurrent steps interleave differently from run to run, yet the same seed against the
/// same stack name strikes the same requests, so a failure replays.
/// </summary>
public sealed class SeededFaults(int seed, double rate, IReadOnlyList<FaultKind>? kinds = null, IReadOnlyList<FaultTiming>? timings = null)
{
    private static readonly FaultKind[] DefaultKinds = [FaultKind.Throttle, FaultKind.ServerError, FaultKind.Drop];
    private static readonly FaultTiming[] BothTimings = [FaultTiming.Before, FaultTiming.After];

    private readonly IReadOnlyList<FaultKind> _kinds = kinds ?? DefaultKinds;
    private readonly IReadOnlyList<FaultTiming> _timings = timings ?? BothTimings;
    private readonly ConcurrentDictionary<ulong, int> _seen = new();

    public int Seed => seed;

    public double Rate => rate;

    public InjectedFault? Decide(ProxiedRequest request)
    {
        var content = Fnv(Encoding.UTF8.GetBytes($"{request.Method} {request.PathAndQuery} {request.Target}\n"), Fnv(request.Body, 14695981039346656037UL));
        var occurrence = _seen.AddOrUpdate(content, 0, (_, n) => n + 1);
        var state = Mix(content ^ Mix((ulong)seed) ^ Mix((ulong)occurrence + 0x9E3779B97F4A7C15UL));
        if (Unit(ref state) >= rate)
        {
            return null;
        }

        var kind = _kinds[(int)(Unit(ref state) * _kinds.Count)];
        var timing = _timings[(int)(Unit(ref state) * _timings.Count)];
        return new InjectedFault(kind, timing);
    }

    private static ulong Fnv(byte[] bytes, ulong hash)
    {
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static double Unit(ref ulong state)
    {
        state = Mix(state + 0x9E3779B97F4A7C15UL);
        return (state >> 11) * (1.0 / (1UL << 53));
    }
}
