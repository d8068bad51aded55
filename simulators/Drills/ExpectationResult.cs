using SmartCity.Twin.Simulation.Scenarios;

namespace SmartCity.Twin.Simulators.Drills;

/// <summary>One expectation checked against one twin: the verdict and what the twin showed.</summary>
internal sealed record ExpectationResult(GroundTruthExpectation Expected, ExpectationVerdict Verdict, string Observed);
