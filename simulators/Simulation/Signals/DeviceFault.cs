namespace SmartCity.Twin.Simulation.Signals;

/// <summary>
/// The ground truth of one faulty device, for scoring a detector: what is wrong, with which metric, and when.
/// </summary>
/// <param name="Metric">The stuck or drifting metric; <c>null</c> for dropouts.</param>
/// <param name="From">When the fault begins (simulated time).</param>
/// <param name="Until">When a stuck sensor comes unstuck; <c>null</c> when the fault lasts the whole run.</param>
/// <param name="DriftPerHour">For <see cref="DeviceFaultKind.Drift"/>: the bias added per hour since <paramref name="From"/>, in the metric's unit.</param>
internal sealed record DeviceFault(
    string DeviceId, DeviceFaultKind Kind, string? Metric, DateTimeOffset From, DateTimeOffset? Until, double DriftPerHour = 0)
{
    public bool IsActive(DateTimeOffset at) => at >= From && (Until is null || at < Until);
}
