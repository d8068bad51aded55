using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>A target as chosen in one province: its devices (device target) or its districts (district target).</summary>
internal sealed record ResolvedTarget(string Name, IReadOnlyList<SimulatedDevice> Devices, IReadOnlyList<District> Districts);
