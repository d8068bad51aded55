using SmartCity.Twin.Grains.Warnings.Sustained;
using SmartCity.Twin.Grains.Warnings.Traffic;

namespace SmartCity.Twin.Grains.Devices.Intersections;

internal sealed class IntersectionTwinState : DeviceTwinState
{
    public SignalPhase? SignalPhase { get; set; }

    /// <summary>The usual queue and speed per hour of the day; <c>null</c> until the first reading with detectors on.</summary>
    public TrafficBaseline? Baseline { get; set; }

    /// <summary>The congestion rule's progress; <c>null</c> until the first reading with detectors on.</summary>
    public SustainedCondition? Congestion { get; set; }

    /// <summary>Whether the queue detector is stuck; <c>null</c> until the first queue reading with detectors on.</summary>
    public FrozenReading? QueueSensor { get; set; }

    /// <summary>Whether the controller last said it was faulty (the <c>fault</c> warning is up).</summary>
    public bool ControllerFault { get; set; }

    /// <summary>When the controller last changed its fault flag, by its own clock; older reports are ignored.</summary>
    public DateTimeOffset? ControllerFaultChangedAt { get; set; }
}
