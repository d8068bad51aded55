using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulators.Transports;

/// <summary>
/// Which devices of a run post over HTTP and which use MQTT (per device or through gateways). The HTTP share is drawn
/// with the run's seed, so the same seed picks the same devices.
/// </summary>
internal sealed class TransportPlan
{
    private readonly HashSet<string> httpIds;

    private TransportPlan(DeviceTransport mqtt, IReadOnlyList<SimulatedDevice> mqttDevices, IReadOnlyList<SimulatedDevice> httpDevices)
    {
        httpIds = httpDevices.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        Mqtt = mqtt;
        MqttDevices = mqttDevices;
        HttpDevices = httpDevices;
    }

    /// <summary>How <see cref="MqttDevices"/> connect.</summary>
    public DeviceTransport Mqtt { get; }

    public IReadOnlyList<SimulatedDevice> MqttDevices { get; }

    public IReadOnlyList<SimulatedDevice> HttpDevices { get; }

    /// <summary>Devices that need their own credentials: every HTTP device, and the MQTT ones unless they go through gateways.</summary>
    public bool NeedsCredentials(SimulatedDevice device) =>
        Mqtt == DeviceTransport.Device || httpIds.Contains(device.Id);

    public static TransportPlan Create(IReadOnlyList<SimulatedDevice> devices, DeviceTransport mqtt, double httpShare, int seed)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var httpCount = (int)Math.Round(devices.Count * Math.Clamp(httpShare, 0, 1), MidpointRounding.AwayFromZero);
        var shuffled = devices.ToArray();
        new Random(seed).Shuffle(shuffled);
        var http = shuffled.Take(httpCount).ToHashSet();
        return new TransportPlan(
            mqtt,
            [.. devices.Where(d => !http.Contains(d))],
            [.. devices.Where(http.Contains)]);
    }
}
