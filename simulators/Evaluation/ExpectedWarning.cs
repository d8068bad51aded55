namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>A warning the ground truth says one twin should raise, from <see cref="Onset"/> until <see cref="End"/> (<c>null</c>: until the run ends).</summary>
internal sealed record ExpectedWarning(string Type, string TwinId, DateTimeOffset Onset, DateTimeOffset? End);
