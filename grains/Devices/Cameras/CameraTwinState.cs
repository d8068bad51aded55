using SmartCity.Twin.Grains.Warnings.Intrusion;

namespace SmartCity.Twin.Grains.Devices.Cameras;

internal sealed class CameraTwinState : DeviceTwinState
{
    /// <summary>Oldest first, at most <c>TwinOptions.CameraEventCapacity</c>.</summary>
    public List<CameraAnalyticsEvent>? RecentEvents { get; set; }

    /// <summary>The camera rules' memory (baseline, bursts, episodes in progress); <c>null</c> until the first analytics event or heartbeat reading.</summary>
    public CameraWatch? Watch { get; set; }
}
