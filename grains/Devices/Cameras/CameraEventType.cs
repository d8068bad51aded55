namespace SmartCity.Twin.Grains.Devices.Cameras;

/// <summary>What a camera's analytics box can detect.</summary>
public enum CameraEventType
{
    Motion,
    Intrusion,
    PersonPresent,
    PersonAbsent,
    PlateRead,
    Tamper,

    /// <summary>A traffic violation (red light, wrong way, no helmet…) recorded by a traffic camera.</summary>
    Violation,
}
