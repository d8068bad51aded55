namespace SmartCity.Twin.Grains.Warnings;

/// <summary>When an intersection twin raises <c>congestion</c> and <c>fault</c>.</summary>
/// <remarks>
/// Congestion is a long queue and a low speed together: either a gridlock by absolute numbers (what a twin still
/// learning its intersection can judge) or both well beyond what this intersection usually sees at this hour of a
/// weekday (or weekend day).
/// </remarks>
public sealed class TrafficWarningOptions
{
    /// <summary>A queue of at least this many vehicles… Default 100: a saturated city junction in the evening rush queues about 65.</summary>
    public double GridlockQueueLength { get; set; } = 100;

    /// <summary>…with a mean speed at or below this is a gridlock wherever it is. Default 5 km/h (walking pace).</summary>
    public double GridlockSpeedKmh { get; set; } = 5;

    /// <summary>Against the intersection's own baseline, the queue must be at least this many times its usual length at this hour. Default 2.</summary>
    public double QueueFactor { get; set; } = 2;

    /// <summary>…and at least this long, so a quiet night's 2 → 5 vehicles is not congestion. Default 30 vehicles.</summary>
    public double MinQueueLength { get; set; } = 30;

    /// <summary>Against the baseline, the speed must be at most this fraction of its usual value at this hour. Default 0.5.</summary>
    public double SpeedFactor { get; set; } = 0.5;

    /// <summary>…and at most this. Default 15 km/h.</summary>
    public double MaxSpeedKmh { get; set; } = 15;

    /// <summary>How many readings an hour-of-day slot needs before its baseline counts. Default 60 (half an hour of 30 s readings).</summary>
    public int BaselineMinReadings { get; set; } = 60;

    /// <summary>
    /// How many readings the baseline of a slot remembers (the weight of a new reading is 1/this once learnt). Default 600:
    /// about five days of one hour at 30 s readings, so a new normal (road works, a new route) is learnt within a week.
    /// </summary>
    public int BaselineMemoryReadings { get; set; } = 600;

    /// <summary>How long every reading must show congestion before <c>congestion</c> is raised. Default 5 minutes.</summary>
    public TimeSpan CongestionAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long traffic must be back to normal before the warning clears. Default 10 minutes.</summary>
    public TimeSpan CongestionClearAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A queue detector reading the same non-zero length this long (and <see cref="QueueStuckReadings"/> times) is stuck:
    /// <c>sensor-fault</c>, and the intersection is not judged congested meanwhile. Default 1 hour (120 readings at 30 s):
    /// a live junction's count changes every few readings even at night, but a detector saturated by a gridlock may
    /// read its ceiling for a while.
    /// </summary>
    public TimeSpan QueueStuckAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Default 20 readings.</summary>
    public int QueueStuckReadings { get; set; } = 20;
}
