using SmartCity.Twin.Simulation.Clock;

namespace SmartCity.Twin.Simulation.Running;

/// <summary>
/// Drives a <see cref="ProvinceSimulation"/> by its <see cref="SimulationClock"/> and hands what the devices send to an
/// <see cref="IDeviceUplink"/>, in order per device and concurrently across devices.
/// </summary>
internal sealed class SimulationRunner(ProvinceSimulation simulation, SimulationClock clock, IDeviceUplink uplink, TimeProvider wall)
{
    public SimulationStatistics Statistics { get; } = new();

    public ProvinceSimulation Simulation => simulation;

    public IDeviceUplink Uplink => uplink;

    public TimeProvider Wall => wall;

    public SimulationClock Clock => clock;

    /// <summary>Runs until simulated time reaches <paramref name="until"/> (all its messages sent), or until cancelled when <c>null</c>.</summary>
    public Task RunAsync(DateTimeOffset? until, CancellationToken cancellationToken) => throw new NotImplementedException();
}
