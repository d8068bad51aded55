namespace SmartCity.Twin.Grains.Alerts;

/// <summary>
/// How long an alert of each severity may stay <see cref="AlertStatus.Active"/> (nobody acknowledged it) before it is
/// escalated, under <c>Alerts:Lifecycle:EscalateAfter</c> (e.g. <c>Alerts:Lifecycle:EscalateAfter:High=00:03:00</c>).
/// <see cref="TimeSpan.Zero"/> means never. Counted by the silo's clock from when the alert opened or last escalated:
/// an operator's minutes are real minutes even when a drill replays the devices' readings from the past.
/// </summary>
public sealed class AlertEscalationTimes
{
    /// <summary>Default 2 minutes: a fire nobody has taken is the IOC's worst case.</summary>
    public TimeSpan Critical { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Default 5 minutes.</summary>
    public TimeSpan High { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Default 15 minutes.</summary>
    public TimeSpan Medium { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Default never (<see cref="TimeSpan.Zero"/>): a low alert waits for the shift's routine review.</summary>
    public TimeSpan Low { get; set; } = TimeSpan.Zero;

    /// <summary>Default never (<see cref="TimeSpan.Zero"/>).</summary>
    public TimeSpan Info { get; set; } = TimeSpan.Zero;

    /// <summary>The wait for <paramref name="severity"/>; <c>null</c> when alerts of that severity never escalate.</summary>
    public TimeSpan? For(AlertSeverity severity)
    {
        var after = severity switch
        {
            AlertSeverity.Critical => Critical,
            AlertSeverity.High => High,
            AlertSeverity.Medium => Medium,
            AlertSeverity.Low => Low,
            _ => Info,
        };
        return after > TimeSpan.Zero ? after : null;
    }

    internal bool AreValid() => Critical >= TimeSpan.Zero && High >= TimeSpan.Zero && Medium >= TimeSpan.Zero && Low >= TimeSpan.Zero && Info >= TimeSpan.Zero;
}
