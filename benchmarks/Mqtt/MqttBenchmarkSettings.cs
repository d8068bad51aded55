using System.Globalization;

namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>Sizes of the MQTT load benchmark; <c>--quick</c> shortens the measuring windows and the idle-connection count for smoke tests.</summary>
internal sealed record MqttBenchmarkSettings
{
    public bool Quick { get; private init; }

    /// <summary>Concurrent publishing connections.</summary>
    public int Connections { get; private init; } = 1_000;

    /// <summary>Load before the measuring window starts (JIT, connection ramp-up, socket buffers).</summary>
    public TimeSpan Warmup { get; private init; } = TimeSpan.FromSeconds(3);

    public TimeSpan Duration { get; private init; } = TimeSpan.FromSeconds(10);

    /// <summary>QoS 1 publishes each connection keeps in flight (pipelining).</summary>
    public int Window { get; private init; } = 16;

    /// <summary>Protocol level the publishers speak: 4 (3.1.1) or 5.</summary>
    public byte ProtocolLevel { get; private init; } = 5;

    public int IdleConnections { get; private init; } = 10_000;

    /// <summary>Skip phases: "endpoint", "twin", "mosquitto", "idle".</summary>
    public IReadOnlySet<string> Skip { get; private init; } = new HashSet<string>();

    public string OutputDirectory { get; private init; } = Path.Combine("BenchmarkDotNet.Artifacts", "mqtt");

    public static MqttBenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var settings = args.Contains("--quick")
            ? new MqttBenchmarkSettings { Quick = true, Warmup = TimeSpan.FromSeconds(1), Duration = TimeSpan.FromSeconds(3), IdleConnections = 2_000 }
            : new MqttBenchmarkSettings();

        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option is "--quick" or "mqtt")
            {
                continue;
            }

            var value = ++i < args.Count ? args[i] : throw new ArgumentException($"{option} needs a value.");
            settings = option switch
            {
                "--connections" => settings with { Connections = int.Parse(value, CultureInfo.InvariantCulture) },
                "--seconds" => settings with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => settings with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--window" => settings with { Window = int.Parse(value, CultureInfo.InvariantCulture) },
                "--protocol" => settings with { ProtocolLevel = byte.Parse(value, CultureInfo.InvariantCulture) },
                "--idle-connections" => settings with { IdleConnections = int.Parse(value, CultureInfo.InvariantCulture) },
                "--skip" => settings with { Skip = value.Split(',').ToHashSet() },
                "--out" => settings with { OutputDirectory = value },
                _ => throw new ArgumentException($"Unknown option '{option}'. Options: --quick --connections N --seconds S --warmup S --window N --protocol 4|5 --idle-connections N --skip endpoint,twin,mosquitto,idle --out DIR."),
            };
        }

        return settings;
    }
}
