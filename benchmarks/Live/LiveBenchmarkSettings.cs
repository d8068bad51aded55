using System.Globalization;

namespace SmartCity.Twin.Benchmarks.Live;

/// <summary>Sizes of the live hub benchmark; <c>--quick</c> shortens the windows for a smoke run.</summary>
internal sealed record LiveBenchmarkSettings
{
    public bool Quick { get; private init; }

    /// <summary>Telemetry messages a second the devices publish together (open loop: the rate is held whatever the silo does).</summary>
    public int Rate { get; private init; } = 50_000;

    /// <summary>Devices (environment sensors), each its own MQTT connection, spread over the province's districts.</summary>
    public int Devices { get; private init; } = 1_000;

    /// <summary>SignalR clients, each subscribed to one district (round robin).</summary>
    public int Clients { get; private init; } = 50;

    /// <summary>The silo's <c>Live:MaxPushesPerSecond</c>; <c>null</c> keeps its default (4).</summary>
    public double? MaxPushesPerSecond { get; private init; }

    public TimeSpan Warmup { get; private init; } = TimeSpan.FromSeconds(5);

    public TimeSpan Duration { get; private init; } = TimeSpan.FromSeconds(20);

    public string OutputDirectory { get; private init; } = Path.Combine("BenchmarkDotNet.Artifacts", "live");

    public static LiveBenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var settings = args.Contains("--quick")
            ? new LiveBenchmarkSettings { Quick = true, Warmup = TimeSpan.FromSeconds(2), Duration = TimeSpan.FromSeconds(5) }
            : new LiveBenchmarkSettings();

        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option is "--quick" or "live")
            {
                continue;
            }

            var value = ++i < args.Count ? args[i] : throw new ArgumentException($"{option} needs a value.");
            settings = option switch
            {
                "--rate" => settings with { Rate = int.Parse(value, CultureInfo.InvariantCulture) },
                "--devices" => settings with { Devices = int.Parse(value, CultureInfo.InvariantCulture) },
                "--clients" => settings with { Clients = int.Parse(value, CultureInfo.InvariantCulture) },
                "--max-pushes" => settings with { MaxPushesPerSecond = double.Parse(value, CultureInfo.InvariantCulture) },
                "--seconds" => settings with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => settings with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--out" => settings with { OutputDirectory = value },
                _ => throw new ArgumentException($"Unknown option '{option}'. Options: --quick --rate N --devices N --clients N --max-pushes N --seconds S --warmup S --out DIR."),
            };
        }

        return settings;
    }
}
