namespace SmartCity.Twin.Grains.Observation;

/// <summary>What made a device twin publish a <see cref="DeviceTwinChange"/>.</summary>
public enum DeviceTwinChangeKind
{
    /// <summary>The twin was activated from storage: not a change, but what observers see first after a restart.</summary>
    Loaded,

    /// <summary>Identity, location or district set or updated.</summary>
    Provisioned,

    /// <summary>Telemetry accepted: <see cref="DeviceTwinChange.Points"/> holds the accepted points.</summary>
    Telemetry,

    /// <summary>Reported or desired properties changed.</summary>
    Properties,

    /// <summary>Online, offline or unknown.</summary>
    Liveness,

    /// <summary>A warning type became active or was cleared.</summary>
    Warnings,

    /// <summary>A kind-specific device event: <see cref="DeviceTwinChange.EventType"/> says which.</summary>
    Event,

    /// <summary>The twin was deleted; its state is gone.</summary>
    Removed,
}
