namespace SmartCity.Twin.Detectors;

/// <summary>
/// A frozen sensor: the same reading <see cref="StuckOptions.MinimumRun"/> times in a row, except at the lowest value the
/// series has shown (counts legitimately sit at 0 all night). Value-based detectors cannot see this: a stuck value is a
/// perfectly normal value. Flags every point from the run's <see cref="StuckOptions.MinimumRun"/>-th on; the score grows
/// from 0.95 at the minimum run to 1 at twice it. O(1) per point.
/// </summary>
public sealed class StuckDetector : IStreamingDetector
{
    private readonly StuckOptions _options;

    public StuckDetector(StuckOptions options, StuckState? state = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        State = state ?? new StuckState();
        if (State.RunLength < 0)
        {
            throw new ArgumentException("The stored run length is negative.", nameof(state));
        }
    }

    /// <summary>The detector's live state: store it as it is.</summary>
    public StuckState State { get; }

    public AnomalyScore Next(double value)
    {
        Finite.Check(value);
        if (State.RunLength > 0 && Math.Abs(value - State.RunValue) <= _options.Tolerance)
        {
            State.RunLength++;
        }
        else
        {
            State.RunValue = value;
            State.RunLength = 1;
        }

        var floor = Math.Min(State.Floor ?? value, value);
        State.Floor = floor;
        var atFloor = value <= floor + _options.Tolerance;
        if (atFloor || State.RunLength < _options.MinimumRun)
        {
            return new AnomalyScore(0, false, 1, 0);
        }

        var beyond = Math.Min(1.0, (double)(State.RunLength - _options.MinimumRun) / _options.MinimumRun);
        var p = 0.05 * (1 - beyond);
        return new AnomalyScore(1 - p, true, p, 0);
    }
}
