using SmartCity.Twin.Simulation.Running;

namespace SmartCity.Twin.Simulation.Signals;

/// <summary>What every device's signal needs to know about the run and the province.</summary>
/// <param name="CityDistrictId">The provincial capital's district: more traffic, more people, more pollution.</param>
/// <param name="PlatePrefix">The province's number-plate code, e.g. 17 for Thái Bình.</param>
internal sealed record SignalContext(SimulationOptions Options, string CityDistrictId, string PlatePrefix)
{
    public int Seed => Options.Seed;
}
