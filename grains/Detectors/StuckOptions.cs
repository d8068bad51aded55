namespace SmartCity.Twin.Detectors;

/// <summary>Settings of <see cref="StuckDetector"/>.</summary>
public sealed class StuckOptions
{
    /// <summary>Consecutive equal readings that make a sensor stuck, at least 2. Default 12 (an hour at 5-minute sampling).</summary>
    public int MinimumRun { get; set; } = 12;

    /// <summary>Readings closer than this count as equal, ≥ 0. Default 0: exactly equal, as a frozen sensor repeats its last value.</summary>
    public double Tolerance { get; set; }

    internal void Validate()
    {
        if (MinimumRun < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumRun), MinimumRun, "A stuck run is at least 2 readings.");
        }

        if (!(Tolerance >= 0 && double.IsFinite(Tolerance)))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance is a finite number ≥ 0.");
        }
    }
}
