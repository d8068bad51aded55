using System.CommandLine;

namespace SmartCity.Twin.Simulators.Commands;

/// <summary>`load`.</summary>
internal static class LoadCommand
{
    public static Command Create(CommonOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        return new Command("load", "Publishes telemetry from many devices at a fixed rate and reports throughput and end-to-end latency.");
    }
}
