namespace SmartCity.Twin.Benchmarks.Workloads;

/// <summary>The baselines' message: the same two arguments the grain method takes, as a struct (no allocation per message).</summary>
internal readonly record struct TelemetryMessage(int Metric, double Value);
