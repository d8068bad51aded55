using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Telemetry;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices;

/// <summary>
/// What every device twin does, whatever its kind. Only a base of the per-kind interfaces: reach a twin through
/// <c>GetGrain&lt;ICameraTwin&gt;</c> and the like, or <see cref="GrainFactoryDeviceTwinExtensions.GetDeviceTwin"/>, never
/// through <c>GetGrain&lt;IDeviceTwin&gt;</c>.
/// </summary>
public interface IDeviceTwin : IGrainWithStringKey
{
    /// <summary>
    /// Creates or updates the twin's identity and location; the district is assigned from the province map. Saved at once.
    /// Throws <see cref="ArgumentException"/> for a blank name or an invalid position.
    /// </summary>
    Task<DeviceTwinSnapshot> Provision(DeviceProvisioning provisioning);

    /// <summary>
    /// Records metric values. A point older than a metric's latest value goes into the history only. Points with an
    /// invalid metric name, a non-finite value, a timestamp before 2020 or too far in the future are dropped.
    /// Marks the device seen (and online). Not saved per call: see <c>TwinOptions.PersistInterval</c>.
    /// Device reports are request/response, not one-way, so a gateway can acknowledge a QoS 1 message only once the
    /// twin has applied it; a gateway that needs no acknowledgement simply does not await.
    /// </summary>
    Task ReportTelemetry(TelemetryBatch batch);

    /// <summary>Merges properties the device reports about itself (firmware, configuration in effect…); a <c>null</c> value removes one. Marks the device seen.</summary>
    Task ReportProperties(IReadOnlyDictionary<string, string?> properties);

    /// <summary>Merges the configuration the IOC wants the device to have; a <c>null</c> value removes one. The version increases when anything changed.</summary>
    Task<DesiredProperties> SetDesired(IReadOnlyDictionary<string, string?> properties);

    /// <summary>
    /// A connectivity report observed at <paramref name="at"/>. Reports older than the last liveness change are ignored,
    /// and so is an offline report older than the last time the device was seen.
    /// </summary>
    Task ReportStatus(DeviceStatus status, DateTimeOffset at);

    /// <summary>
    /// Marks a warning type active on the device (idempotent); counted by the district and province roll-ups. Opens an
    /// alert (<c>IAlert</c>) for the type, or counts a repeat of the one still open; once an operator has resolved it,
    /// the next raise opens a new one. The alert's evidence is the twin's latest value of every metric.
    /// </summary>
    Task RaiseWarning(string warningType);

    /// <summary>As <see cref="RaiseWarning(string)"/>, with the detector's message and evidence for the alert.</summary>
    Task RaiseWarning(string warningType, WarningDetails details);

    /// <summary>Marks a warning type no longer active (idempotent); its open alert records that the condition cleared and stays open for an operator.</summary>
    Task ClearWarning(string warningType);

    /// <summary>
    /// Deletes the twin: withdraws it from its district's roll-up, clears its stored state and tells the observers. A
    /// device that keeps reporting afterwards starts a new, unprovisioned twin. Credentials are separate
    /// (<c>IDeviceCredentials</c>).
    /// </summary>
    Task Remove();

    [ReadOnly]
    Task<DeviceTwinSnapshot> GetSnapshot();

    /// <summary>The recent history of one metric, oldest first; empty for a metric never reported.</summary>
    [ReadOnly]
    Task<MetricHistory> GetHistory(string metric);
}
