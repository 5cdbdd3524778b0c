namespace Interpret.Core.Training;

/// <summary>Seeds derived from a run's seed and a counter (epoch, step). Deterministic across processes, unlike
/// <see cref="HashCode"/>, whose output is randomised per process: a resumed run must draw what the stopped one would have.</summary>
public static class RunSeeds
{
    public static int For(int seed, int stream, long counter) =>
        unchecked((int)(((seed * 0x9E3779B1L) ^ (stream * 0x85EBCA77L) ^ (counter * 0xC2B2AE3DL)) % int.MaxValue));
}
