namespace SmartCity.Twin.Grains.Devices.Cameras;

internal sealed class CameraTwinState : DeviceTwinState
{
    /// <summary>Oldest first, at most <c>TwinOptions.CameraEventCapacity</c>.</summary>
    public List<CameraAnalyticsEvent>? RecentEvents { get; set; }
}
