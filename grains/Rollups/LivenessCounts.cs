namespace SmartCity.Twin.Grains.Rollups;

/// <summary>How many devices are online, offline and of unknown liveness.</summary>
public readonly record struct LivenessCounts(int Online, int Offline, int Unknown)
{
    public int Total => Online + Offline + Unknown;

    public static LivenessCounts operator +(LivenessCounts left, LivenessCounts right) =>
        new(left.Online + right.Online, left.Offline + right.Offline, left.Unknown + right.Unknown);
}
