using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Benchmarks.Workloads;

/// <summary>
/// One-way ReportTelemetry into real environment-sensor twins: a one-point batch per message, built per message as a
/// gateway decoding a device message would. The metric is temperature (not a pollutant), so no AQI is recomputed.
/// </summary>
internal sealed class TwinTelemetryTarget(TwinFleet fleet) : IMessageTarget
{
    private const string Metric = "temperature";

    public string Name => Reporting.RuntimeReport.TwinName;

    public int EntityCount => fleet.Count;

    public void BeginRun()
    {
    }

    public void Send(int entity, int metric, double value)
        => fleet[entity].ReportTelemetry(TelemetryBatch.Of(DateTimeOffset.UtcNow, (Metric, 20 + value / 1024)));

    /// <summary>The twins count nothing the benchmark can read, so this flushes every mailbox (<see cref="TwinFleet.FlushAsync"/>); its cost is in the measurement.</summary>
    public async Task<bool> WaitUntilAppliedAsync(long sent, TimeSpan timeout)
    {
        var flush = fleet.FlushAsync();
        return await Task.WhenAny(flush, Task.Delay(timeout)) == flush;
    }
}
