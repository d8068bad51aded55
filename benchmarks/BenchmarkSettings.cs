namespace SmartCity.Twin.Benchmarks;

/// <summary>Sizes of the runtime benchmark; <c>--quick</c> shrinks the runs (not the entity counts the targets are about) for smoke tests and CI.</summary>
internal sealed class BenchmarkSettings
{
    public bool Quick { get; private init; }

    /// <summary>Distinct grains (and baseline entities) the one-way workloads spread messages over.</summary>
    public int Grains { get; private init; } = 100_000;

    public long Messages { get; private init; } = 20_000_000;

    public long WarmupMessages { get; private init; } = 2_000_000;

    public long TwinMessages { get; private init; } = 3_000_000;

    /// <summary>Measured runs of each one-way workload, interleaved so that machine noise hits all of them alike.</summary>
    public int Repeats { get; private init; } = 3;

    public int Producers { get; private init; } = Environment.ProcessorCount;

    public int RpcGrains { get; private init; } = 1_000;

    public int RpcCallers { get; private init; } = 2 * Environment.ProcessorCount * 64;

    public TimeSpan RpcDuration { get; private init; } = TimeSpan.FromSeconds(10);

    public int IdleActivations { get; private init; } = 100_000;

    public int MemoryTwins { get; private init; } = 20_000;

    /// <summary>Skip phases: "oneway", "twin", "rpc", "memory", "detectors".</summary>
    public IReadOnlySet<string> Skip { get; private init; } = new HashSet<string>();

    public string OutputDirectory { get; private init; } = Path.Combine("BenchmarkDotNet.Artifacts", "runtime");

    public static BenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var quick = args.Contains("--quick");
        var settings = quick
            ? new BenchmarkSettings
            {
                Quick = true,
                Messages = 2_000_000,
                WarmupMessages = 500_000,
                TwinMessages = 500_000,
                Repeats = 1,
                RpcDuration = TimeSpan.FromSeconds(2),
                MemoryTwins = 5_000,
            }
            : new BenchmarkSettings();

        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option is "--quick" or "runtime")
            {
                continue;
            }

            var value = ++i < args.Count ? args[i] : throw new ArgumentException($"{option} needs a value.");
            settings = option switch
            {
                "--grains" => new BenchmarkSettings(settings) { Grains = int.Parse(value) },
                "--messages" => new BenchmarkSettings(settings) { Messages = long.Parse(value) },
                "--twin-messages" => new BenchmarkSettings(settings) { TwinMessages = long.Parse(value) },
                "--repeats" => new BenchmarkSettings(settings) { Repeats = int.Parse(value) },
                "--producers" => new BenchmarkSettings(settings) { Producers = int.Parse(value) },
                "--rpc-callers" => new BenchmarkSettings(settings) { RpcCallers = int.Parse(value) },
                "--rpc-seconds" => new BenchmarkSettings(settings) { RpcDuration = TimeSpan.FromSeconds(double.Parse(value)) },
                "--memory-twins" => new BenchmarkSettings(settings) { MemoryTwins = int.Parse(value) },
                "--skip" => new BenchmarkSettings(settings) { Skip = value.Split(',').ToHashSet() },
                "--out" => new BenchmarkSettings(settings) { OutputDirectory = value },
                _ => throw new ArgumentException($"Unknown option '{option}'. Options: --quick --grains --messages --twin-messages --repeats --producers --rpc-callers --rpc-seconds --memory-twins --skip oneway,twin,rpc,memory,detectors --out DIR."),
            };
        }

        return settings;
    }

    private BenchmarkSettings()
    {
    }

    private BenchmarkSettings(BenchmarkSettings other)
    {
        Quick = other.Quick;
        Grains = other.Grains;
        Messages = other.Messages;
        WarmupMessages = other.WarmupMessages;
        TwinMessages = other.TwinMessages;
        Repeats = other.Repeats;
        Producers = other.Producers;
        RpcGrains = other.RpcGrains;
        RpcCallers = other.RpcCallers;
        RpcDuration = other.RpcDuration;
        IdleActivations = other.IdleActivations;
        MemoryTwins = other.MemoryTwins;
        Skip = other.Skip;
        OutputDirectory = other.OutputDirectory;
    }

    public bool Runs(string phase) => !Skip.Contains(phase);
}
