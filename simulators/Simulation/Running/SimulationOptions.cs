using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Signals;

namespace SmartCity.Twin.Simulation.Running;

/// <summary>How a province is simulated.</summary>
internal sealed record SimulationOptions
{
    /// <summary>Simulated time of the first <see cref="ProvinceSimulation.Advance"/>.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Same seed, same province, same start: the same messages. Default 2020.</summary>
    public int Seed { get; init; } = ProvinceLayout.DefaultSeed;

    /// <summary>
    /// Share of devices (0 to 1) with a fault: dropouts, a stuck or a drifting sensor (see
    /// <see cref="ProvinceSimulation.Faults"/>). Default 2 %; 0 turns faults off.
    /// </summary>
    public double FaultShare { get; init; } = 0.02;

    /// <summary>
    /// Real hourly PM2.5 of the provincial capital replayed as the base level of every air-quality station (rural
    /// districts lower, each station its own bias and noise); <c>null</c> models PM2.5 instead. See
    /// <see cref="HourlyReadings"/> for how its time is aligned with simulated time.
    /// </summary>
    public HourlyReadings? Pm25Replay { get; init; }
}
