using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>What one twin shows at one simulated moment of a played scenario (<see cref="Offset"/> from its start).</summary>
internal sealed record GroundTruthExpectation(ScenarioExpectation Expectation, SimulatedDevice Device, TimeSpan Offset, DateTimeOffset At);
