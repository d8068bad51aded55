using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Benchmarks.Workloads;

/// <summary>
/// One-way ReportTelemetry into real environment-sensor twins: a one-point batch per message, built per message as a
/// gateway decoding a device message would. By default the metric is temperature (not a pollutant), so no AQI is
/// recomputed and no pollution detector runs; the detector comparison sends PM2.5 instead.
/// </summary>
/// <param name="metricName">The metric every message carries.</param>
/// <param name="baseline">The value of the workload's value 0; values rise by 1/128 per step of the workload's 0–1023 sawtooth.</param>
internal sealed class TwinTelemetryTarget(TwinFleet fleet, string name = Reporting.RuntimeReport.TwinName, string metricName = "temperature", double baseline = 20) : IMessageTarget
{
    public string Name => name;

    public int EntityCount => fleet.Count;

    public void BeginRun()
    {
    }

    public void Send(int entity, int metric, double value)
        => fleet[entity].ReportTelemetry(TelemetryBatch.Of(DateTimeOffset.UtcNow, (metricName, baseline + value / 128)));

    /// <summary>The twins count nothing the benchmark can read, so this flushes every mailbox (<see cref="TwinFleet.FlushAsync"/>); its cost is in the measurement.</summary>
    public async Task<bool> WaitUntilAppliedAsync(long sent, TimeSpan timeout)
    {
        var flush = fleet.FlushAsync();
        return await Task.WhenAny(flush, Task.Delay(timeout)) == flush;
    }
}
