namespace SmartCity.Twin.Grains.Warnings;

/// <summary>When a service-counter twin raises <c>officer-absent</c> and <c>queue-overload</c>.</summary>
public sealed class ServiceCounterWarningOptions
{
    /// <summary>
    /// An officer away from the counter during opening hours for longer than this is absent. Default 15 minutes. Only
    /// opening hours count (lunch and evenings do not); the warning's onset is the moment the limit was reached.
    /// </summary>
    public TimeSpan OfficerAbsentAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A queue longer than this many people is overloaded. Default 30: a busy city counter peaks around 15–25 people at
    /// mid-morning, a little more while its officer steps away for a few minutes.
    /// </summary>
    public int QueueOverloadLength { get; set; } = 30;

    /// <summary>How long every reading must show an overloaded queue before <c>queue-overload</c> is raised. Default 15 minutes.</summary>
    public TimeSpan QueueOverloadAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the queue must stay at or below the length before the warning clears. Default 10 minutes.</summary>
    public TimeSpan QueueOverloadClearAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A queue counter reading the same non-zero length this long (and <see cref="QueueStuckReadings"/> times) is stuck:
    /// <c>sensor-fault</c>, and its queue raises no <c>queue-overload</c> meanwhile. Default 30 minutes.
    /// </summary>
    public TimeSpan QueueStuckAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Default 20 readings.</summary>
    public int QueueStuckReadings { get; set; } = 20;
}
