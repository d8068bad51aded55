using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.Intersections;

/// <summary>
/// The twin of a signalised intersection (grain type <c>intersection</c>). Vehicle counts per approach, queue length,
/// speed and violations are telemetry (e.g. <c>approach.north.vehicles</c>, <c>queue_length</c>, <c>violations</c>).
/// </summary>
public interface IIntersectionTwin : IDeviceTwin
{
    /// <summary>The controller switched to <paramref name="phase"/> at <paramref name="at"/>; older reports are ignored.</summary>
    Task ReportSignalPhase(string phase, DateTimeOffset at);

    /// <summary>The current phase; <c>null</c> before the first report.</summary>
    [ReadOnly]
    Task<SignalPhase?> GetSignalPhase();
}
