using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Grains.Alerts;

/// <summary>
/// How alerts live after they are raised, under <c>Alerts:Lifecycle</c> in the silo's configuration: which ones
/// resolve themselves when their condition clears, and how soon an unacknowledged one is escalated.
/// </summary>
public sealed class AlertLifecycleOptions
{
    public const string Section = "Alerts:Lifecycle";

    /// <summary>The default of <see cref="AutoResolveTypes"/>.</summary>
    public const string DefaultAutoResolveTypes =
        WarningTypes.Offline + "," + WarningTypes.Congestion + "," + WarningTypes.QueueOverload + ","
        + WarningTypes.OfficerAbsent + "," + WarningTypes.Pollution + "," + WarningTypes.SensorFault + "," + WarningTypes.Fault;

    /// <summary>
    /// Warning types, comma-separated, whose alert is resolved by <c>system</c> (note "Điều kiện đã hết") when the
    /// condition clears: a device back online, traffic flowing, clean air need nobody. Default: offline, congestion,
    /// queue-overload, officer-absent, pollution, sensor-fault, fault. Types not listed (the safety ones: fire,
    /// fire-pre-alarm, smoke, intrusion, tamper) only record <c>cleared</c> and stay for an operator to resolve: a fire
    /// alarm that stops ringing is not a fire that is out. Setting the list replaces the default; empty = none.
    /// </summary>
    public string AutoResolveTypes { get; set; } = DefaultAutoResolveTypes;

    /// <summary>
    /// How long an unacknowledged alert of each severity waits before it is escalated one level; escalation stops at
    /// Critical, or at High for the <see cref="AutoResolveTypes"/>.
    /// </summary>
    public AlertEscalationTimes EscalateAfter { get; set; } = new();

    /// <summary><see cref="AutoResolveTypes"/> as a set.</summary>
    public IReadOnlySet<string> AutoResolveTypeSet() =>
        (AutoResolveTypes ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
}
