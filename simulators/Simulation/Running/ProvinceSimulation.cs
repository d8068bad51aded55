using SmartCity.Twin.Simulation.Effects;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulation.Running;

/// <summary>
/// Every device of a province behaving like a real one, in simulated time: readings on their own schedules, daily
/// cycles, noise, dropouts and faults, then whatever the effects (scenarios) change. Single-threaded: one caller.
/// </summary>
internal sealed class ProvinceSimulation
{
    public ProvinceSimulation(SimulatedProvince province, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(province);
        ArgumentNullException.ThrowIfNull(options);
        Province = province;
        Options = options;
    }

    public SimulatedProvince Province { get; }

    public SimulationOptions Options { get; }

    public void AddEffect(IDeviceEffect effect) => throw new NotImplementedException();

    /// <summary>
    /// The messages due in (previous call's <paramref name="to"/>, <paramref name="to"/>], in time order, after the effects.
    /// The first call covers [<see cref="SimulationOptions.Start"/>, <paramref name="to"/>] and begins with every
    /// device coming online and reporting its properties and first readings.
    /// </summary>
    public IReadOnlyList<DeviceMessage> Advance(DateTimeOffset to) => throw new NotImplementedException();
}
