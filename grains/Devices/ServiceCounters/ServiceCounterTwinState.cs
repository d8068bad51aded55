using SmartCity.Twin.Grains.Warnings.Sustained;

namespace SmartCity.Twin.Grains.Devices.ServiceCounters;

internal sealed class ServiceCounterTwinState : DeviceTwinState
{
    public OfficerPresence? OfficerPresence { get; set; }

    /// <summary>The start of the absence <c>officer-absent</c> was raised for; <c>null</c> when none was.</summary>
    public DateTimeOffset? OfficerAbsenceWarnedFor { get; set; }

    /// <summary>The queue-overload rule's progress; <c>null</c> until the first queue reading with detectors on.</summary>
    public SustainedCondition? QueueOverload { get; set; }

    /// <summary>Whether the queue counter is stuck; <c>null</c> until the first queue reading with detectors on.</summary>
    public FrozenReading? QueueSensor { get; set; }
}
