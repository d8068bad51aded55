using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Api.History;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Api.Tests.History;

public sealed class MetricHistoryRecorderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task Buckets_past_retention_are_deleted_and_recent_ones_kept()
    {
        var store = new MemoryMetricHistoryStore();
        var recorder = Recorder(store, new ManualClock(Now), retention: TimeSpan.FromHours(1));
        recorder.Record("sensor-1", [new TelemetryPoint("pm2_5", 80, Now.AddHours(-2)), new TelemetryPoint("pm2_5", 12, Now.AddMinutes(-10))]);
        await recorder.FlushAsync(includeOpen: true);

        var deleted = await recorder.SweepAsync();

        Assert.Equal(1, deleted);
        var kept = Assert.Single(await store.ReadAsync("sensor-1", "pm2_5", 0, long.MaxValue));
        Assert.Equal(12, kept.Values.Max);
    }

    [Fact]
    public async Task Only_closed_buckets_are_written_and_open_ones_are_still_read()
    {
        var store = new MemoryMetricHistoryStore();
        var clock = new ManualClock(Now);
        var recorder = Recorder(store, clock);
        recorder.Record("sensor-2", [new TelemetryPoint("noise", 60, Now.AddMinutes(-3)), new TelemetryPoint("noise", 70, Now)]);

        await recorder.FlushAsync();

        Assert.Single(await store.ReadAsync("sensor-2", "noise", 0, long.MaxValue));
        var read = await recorder.ReadAsync("sensor-2", "noise", 0, long.MaxValue);
        Assert.Equal([60.0, 70.0], read.Select(b => b.Values.Max));
    }

    [Fact]
    public async Task While_the_database_fails_the_twin_side_never_throws_and_buckets_wait_until_it_works_again()
    {
        var store = new FlakyStore();
        var recorder = Recorder(store, new ManualClock(Now));
        store.Failing = true;
        recorder.Record("sensor-3", [new TelemetryPoint("pm10", 40, Now.AddMinutes(-5))]);
        await recorder.FlushAsync();
        recorder.Record("sensor-3", [new TelemetryPoint("pm10", 44, Now.AddMinutes(-5))]);
        await recorder.FlushAsync();

        store.Failing = false;
        await recorder.FlushAsync();

        var bucket = Assert.Single(await store.ReadAsync("sensor-3", "pm10", 0, long.MaxValue));
        Assert.Equal(new MetricAggregate(40, 44, 84, 2), bucket.Values);
    }

    [Fact]
    public async Task Unwritten_buckets_beyond_the_limit_drop_the_oldest_first()
    {
        var store = new FlakyStore { Failing = true };
        var recorder = Recorder(store, new ManualClock(Now), maxPending: 2);
        recorder.Record("sensor-4", [.. Enumerable.Range(1, 4).Select(i => new TelemetryPoint("co", i, Now.AddMinutes(-10 + i)))]);
        await recorder.FlushAsync();

        store.Failing = false;
        await recorder.FlushAsync();

        Assert.Equal([3.0, 4.0], (await store.ReadAsync("sensor-4", "co", 0, long.MaxValue)).Select(b => b.Values.Max));
    }

    private static MetricHistoryRecorder Recorder(IMetricHistoryStore store, ManualClock clock, TimeSpan? retention = null, int maxPending = 1000) => new(
        store,
        clock,
        Options.Create(new MetricHistoryOptions { Retention = retention ?? TimeSpan.FromDays(30), MaxPendingBuckets = maxPending }),
        NullLogger<MetricHistoryRecorder>.Instance);
}
