using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.Cameras;

/// <summary>The twin of a camera (grain type <c>camera</c>).</summary>
public interface ICameraTwin : IDeviceTwin
{
    /// <summary>Records an analytics event among the recent ones (bounded: the oldest are dropped). Marks the camera seen.</summary>
    Task ReportAnalyticsEvent(CameraAnalyticsEvent analyticsEvent);

    /// <summary>The most recent analytics events, newest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<CameraAnalyticsEvent>> GetRecentEvents();
}
