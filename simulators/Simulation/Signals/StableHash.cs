namespace SmartCity.Twin.Simulation.Signals;

/// <summary>
/// Seeds derived from names and numbers that are the same in every process (string.GetHashCode is randomised per
/// process), so a seed reproduces a run anywhere.
/// </summary>
internal static class StableHash
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    public static int Of(int seed, string text)
    {
        var hash = Mix(FnvOffset, seed);
        foreach (var c in text)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return (int)Finish(hash);
    }

    public static int Of(int seed, string text, int number) => (int)Finish(Mix((uint)Of(seed, text), number));

    private static uint Mix(uint hash, int value)
    {
        for (var shift = 0; shift < 32; shift += 8)
        {
            hash = (hash ^ ((uint)(value >> shift) & 0xFF)) * FnvPrime;
        }

        return hash;
    }

    // FNV alone leaves nearby inputs with nearby hashes; an avalanche step makes neighbouring ids' streams unrelated.
    private static uint Finish(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x7FEB352D;
        hash ^= hash >> 15;
        hash *= 0x846CA68B;
        hash ^= hash >> 16;
        return hash;
    }
}
