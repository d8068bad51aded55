using Spectre.Console;
using SmartCity.Twin.Simulation.Effects;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulators.Running;

/// <summary>A province run from the command line: provisioning, connecting, simulating, live statistics, summary.</summary>
internal static class ProvinceRun
{
    /// <summary>
    /// Provisions the province's devices through the API, connects them, runs the simulation with
    /// <paramref name="effects"/> from <see cref="ProvinceRunSettings.Start"/> until <see cref="ProvinceRunSettings.Duration"/>
    /// has passed in simulated time (or until cancelled), showing progress and live statistics; returns the exit code.
    /// </summary>
    public static Task<int> RunAsync(
        SimulatedProvince province,
        IReadOnlyList<IDeviceEffect> effects,
        ProvinceRunSettings settings,
        IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(province);
        ArgumentNullException.ThrowIfNull(effects);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        console.MarkupLine("[red]The province run is being built.[/]");
        return Task.FromResult(ExitCodes.Failed);
    }
}
