using SmartCity.Twin.Simulation.Messages;

namespace SmartCity.Twin.Simulation.Running;

/// <summary>
/// How simulated devices reach the twin: MQTT with one connection per device, an MQTT gateway multiplexing many, HTTP
/// ingestion, or (for the silo's demo) the twin's own message sink in-process. Connects a device on its first message.
/// </summary>
internal interface IDeviceUplink : IAsyncDisposable
{
    /// <summary>
    /// Sends one message; completes when the twin has accepted it (QoS 1 PUBACK, HTTP 2xx) or the transport has given
    /// up on it. Throws <see cref="DeviceUplinkException"/> when the twin refused it (reason code, problem details).
    /// Called concurrently for different devices, in order for one device.
    /// </summary>
    ValueTask SendAsync(DeviceMessage message, CancellationToken cancellationToken);
}
