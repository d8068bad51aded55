using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulation.Running;

/// <summary>How a province is simulated.</summary>
internal sealed record SimulationOptions
{
    /// <summary>Simulated time of the first <see cref="ProvinceSimulation.Advance"/>.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Same seed, same province, same start: the same messages. Default 2020.</summary>
    public int Seed { get; init; } = ProvinceLayout.DefaultSeed;
}
