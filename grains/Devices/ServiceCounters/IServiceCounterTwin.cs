using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.ServiceCounters;

/// <summary>
/// The twin of a counter of a public-service centre (grain type <c>service-counter</c>). Queue length, tickets served
/// and applications overdue are telemetry (<c>queue_length</c>, <c>tickets_served</c>, <c>applications_overdue</c>).
/// </summary>
public interface IServiceCounterTwin : IDeviceTwin
{
    /// <summary>The officer arrived at or left the counter at <paramref name="at"/>; older reports are ignored. Saved at once.</summary>
    Task ReportOfficerPresence(bool isPresent, DateTimeOffset at);

    /// <summary><c>null</c> before the first report.</summary>
    [ReadOnly]
    Task<OfficerPresence?> GetOfficerPresence();
}
