using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Signals;
using SmartCity.Twin.Simulators.Transports;

namespace SmartCity.Twin.Simulators.Running;

/// <summary>Where and how a province is run: the twin's endpoints and key, the transports, and simulated time.</summary>
internal sealed record ProvinceRunSettings
{
    /// <summary>Above this many devices a run uses <see cref="DeviceTransport.Gateway"/> unless told otherwise.</summary>
    public const int GatewayThreshold = 20_000;

    public const int DefaultDevicesPerGateway = 5_000;

    public const double DefaultHttpShare = 0.05;

    /// <summary>The twin's API root, e.g. <c>http://localhost:5080</c>.</summary>
    public required Uri Api { get; init; }

    /// <summary>The twin's MQTT endpoint as <c>host:port</c>.</summary>
    public required string Mqtt { get; init; }

    /// <summary>An API key with the admin scope: it provisions the devices and issues the gateway key.</summary>
    public required string ApiKey { get; init; }

    /// <summary><c>null</c>: <see cref="DeviceTransport.Device"/> up to <see cref="GatewayThreshold"/> devices, else <see cref="DeviceTransport.Gateway"/>.</summary>
    public DeviceTransport? Transport { get; init; }

    public int DevicesPerGateway { get; init; } = DefaultDevicesPerGateway;

    /// <summary>Share of the devices (0..1) that post over HTTP ingestion instead of MQTT.</summary>
    public double HttpShare { get; init; } = DefaultHttpShare;

    /// <summary>Simulated seconds per wall-clock second, at least 1.</summary>
    public double Speed { get; init; } = 1;

    public int Seed { get; init; } = ProvinceLayout.DefaultSeed;

    /// <summary>Simulated start; <c>null</c>: <c>SimulationClock.DefaultStart</c>, so the run ends no later than now.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Simulated time to run for; <c>null</c>: until cancelled (Ctrl+C).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Real hourly PM2.5 readings to replay instead of the modelled daily cycle (<c>--pm25-csv</c>).</summary>
    public HourlyReadings? Pm25Replay { get; init; }

    /// <summary>The transport the MQTT devices of a province of <paramref name="devices"/> devices use.</summary>
    public DeviceTransport TransportFor(int devices) =>
        Transport ?? (devices > GatewayThreshold ? DeviceTransport.Gateway : DeviceTransport.Device);
}
