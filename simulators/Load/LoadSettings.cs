using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Simulators.Load;

/// <summary>What a load run does (the <c>load</c> command's options, checked).</summary>
internal sealed record LoadSettings
{
    public required Uri Api { get; init; }

    public required string MqttHost { get; init; }

    public required int MqttPort { get; init; }

    public string? ApiKey { get; init; }

    public required int Devices { get; init; }

    /// <summary>Messages a second, all devices together.</summary>
    public required double Rate { get; init; }

    /// <summary>The measuring window.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Publishing before the window opens: connections, JIT and the twins' activations settle.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    public MqttQualityOfService QualityOfService { get; init; } = MqttQualityOfService.AtLeastOnce;

    public required string CsvPath { get; init; }

    public string IdPrefix { get; init; } = "load-";

    public string ProvinceId { get; init; } = Grains.Geography.ProvinceMap.DefaultProvinceId;

    /// <summary>All devices in this district; <c>null</c> spreads them over every district.</summary>
    public string? DistrictId { get; init; }

    /// <summary>A plain MQTT broker, no twin: no provisioning, no credentials, no probes (the baseline).</summary>
    public bool BrokerOnly { get; init; }

    /// <summary>Devices the API probe polls.</summary>
    public int ApiProbeDevices { get; init; } = 10;

    public TimeSpan ApiProbeInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Publisher tasks sharing the devices and the rate.</summary>
    public int Publishers { get; init; } = 4;

    public string Target => BrokerOnly ? "broker" : "twin";
}
