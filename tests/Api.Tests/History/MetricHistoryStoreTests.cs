using SmartCity.Twin.Api.History;

namespace SmartCity.Twin.Api.Tests.History;

/// <summary>What every history store must do; each test runs against memory, SQLite and (when configured) PostgreSQL.</summary>
public sealed class MetricHistoryStoreTests(HistoryStores stores) : IClassFixture<HistoryStores>
{
    private const long Minute = 60;
    private static readonly long T0 = new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    [Theory]
    [MemberData(nameof(HistoryStores.Providers), MemberType = typeof(HistoryStores))]
    public async Task Written_buckets_read_back_in_order_within_the_range_and_only_for_their_series(string provider)
    {
        var store = stores[provider];
        var twin = NewTwin();
        await store.UpsertAsync(
        [
            Bucket(twin, "pm2_5", T0 + (2 * Minute), new MetricAggregate(3, 9, 12, 2)),
            Bucket(twin, "pm2_5", T0, new MetricAggregate(1.5, 4.25, 5.75, 2)),
            Bucket(twin, "pm2_5", T0 + (3 * Minute), MetricAggregate.Of(100)),
            Bucket(twin, "pm10", T0, MetricAggregate.Of(7)),
            Bucket(NewTwin(), "pm2_5", T0, MetricAggregate.Of(8)),
        ]);

        var read = await store.ReadAsync(twin, "pm2_5", T0, T0 + (3 * Minute));

        Assert.Equal([T0, T0 + (2 * Minute)], read.Select(b => b.Start));
        Assert.Equal(new MetricAggregate(1.5, 4.25, 5.75, 2), read[0].Values);
        Assert.Equal(new MetricAggregate(3, 9, 12, 2), read[1].Values);
        Assert.All(read, b => Assert.Equal((twin, "pm2_5"), (b.TwinId, b.Metric)));
    }

    [Theory]
    [MemberData(nameof(HistoryStores.Providers), MemberType = typeof(HistoryStores))]
    public async Task A_late_bucket_merges_into_the_stored_one(string provider)
    {
        var store = stores[provider];
        var twin = NewTwin();
        await store.UpsertAsync([Bucket(twin, "temperature", T0, new MetricAggregate(20, 30, 50, 2))]);

        await store.UpsertAsync([Bucket(twin, "temperature", T0, new MetricAggregate(-5, 12, 7, 2)), Bucket(twin, "temperature", T0, MetricAggregate.Of(31))]);

        var bucket = Assert.Single(await store.ReadAsync(twin, "temperature", T0, T0 + Minute));
        Assert.Equal(new MetricAggregate(-5, 31, 88, 5), bucket.Values);
    }

    [Theory]
    [MemberData(nameof(HistoryStores.Providers), MemberType = typeof(HistoryStores))]
    public async Task Deleting_older_than_a_cutoff_removes_older_buckets_of_every_series_and_keeps_the_rest(string provider)
    {
        var store = stores[provider];
        var (first, second) = (NewTwin(), NewTwin());
        await store.UpsertAsync(
        [
            Bucket(first, "noise", T0 - (10 * Minute), MetricAggregate.Of(1)),
            Bucket(first, "noise", T0, MetricAggregate.Of(2)),
            Bucket(second, "noise", T0 - Minute, MetricAggregate.Of(3)),
            Bucket(second, "noise", T0 + Minute, MetricAggregate.Of(4)),
        ]);

        var deleted = await store.DeleteOlderThanAsync(T0);

        Assert.True(deleted >= 2, $"deleted {deleted}");
        Assert.Equal([T0], (await store.ReadAsync(first, "noise", 0, long.MaxValue)).Select(b => b.Start));
        Assert.Equal([T0 + Minute], (await store.ReadAsync(second, "noise", 0, long.MaxValue)).Select(b => b.Start));
    }

    [Theory]
    [MemberData(nameof(HistoryStores.Providers), MemberType = typeof(HistoryStores))]
    public async Task Reading_a_series_never_written_gives_nothing(string provider)
    {
        Assert.Empty(await stores[provider].ReadAsync(NewTwin(), "pm2_5", 0, long.MaxValue));
    }

    private static string NewTwin() => "sensor-" + Guid.NewGuid().ToString("N")[..12];

    private static MetricBucket Bucket(string twin, string metric, long start, MetricAggregate values) => new(twin, metric, start, values);
}
