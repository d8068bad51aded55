using System.Buffers;
using System.Text;
using SmartCity.Twin.Gateways.Devices.Payloads;

namespace SmartCity.Twin.Gateways.Devices.Tests;

public sealed class TelemetryPayloadTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Without_ts_the_points_are_stamped_now()
    {
        var batch = Parse("""{"values": {"pm2_5": 41.2, "online": true}}""", out var error);

        Assert.Null(error);
        Assert.NotNull(batch);
        Assert.Equal(2, batch.Points.Count);
        Assert.All(batch.Points, p => Assert.Equal(Now, p.Timestamp));
        Assert.Contains(batch.Points, p => p.Metric == "online" && p.Value == 1);
    }

    [Theory]
    [InlineData("1764000000000")]
    [InlineData("\"2025-11-24T16:00:00Z\"")]
    [InlineData("\"2025-11-24T23:00:00+07:00\"")]
    public void Ts_is_unix_milliseconds_or_iso_8601_with_offset(string ts)
    {
        var batch = Parse("{\"ts\": " + ts + ", \"values\": {\"pm2_5\": 1}}", out var error);

        Assert.Null(error);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_000), batch!.Points[0].Timestamp);
    }

    [Fact]
    public void A_flat_object_is_one_reading_per_metric_with_an_optional_ts()
    {
        var batch = Parse("""{"pm2_5": 41.2, "humidity": 80, "ts": 1764000000000}""", out var error);

        Assert.Null(error);
        Assert.Equal(["pm2_5", "humidity"], batch!.Points.Select(p => p.Metric));
        Assert.All(batch.Points, p => Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_000), p.Timestamp));
    }

    [Fact]
    public void In_the_wrapped_form_only_values_are_metrics_and_ts_may_come_last()
    {
        var batch = Parse("""{"device": "aq-01", "values": {"pm2_5": 41.2}, "firmware": {"v": 2}, "ts": 1764000000000}""", out var error);

        Assert.Null(error);
        var point = Assert.Single(batch!.Points);
        Assert.Equal(("pm2_5", 41.2), (point.Metric, point.Value));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_000), point.Timestamp);
    }

    [Fact]
    public void An_array_is_a_batch_of_readings_at_their_own_times()
    {
        var batch = Parse("""[{"ts": 1764000000000, "values": {"pm2_5": 1}}, {"ts": 1764000060000, "pm2_5": 2}]""", out var error);

        Assert.Null(error);
        Assert.Equal([1.0, 2.0], batch!.Points.Select(p => p.Value));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_060_000), batch.Points[1].Timestamp);
    }

    [Theory]
    [InlineData("""{"pm2_5": -5}""", "negative")]
    [InlineData("""{"temperature": 1200}""", "temperature")]
    [InlineData("""{"humidity": 140}""", "humidity")]
    [InlineData("""{"pm2_5": "high"}""", "string")]
    [InlineData("""[{"pm2_5": 10}, {"pm2_5": -1}]""", "negative")]
    public void Physically_impossible_or_mistyped_values_refuse_the_whole_message(string json, string reason)
    {
        var batch = Parse(json, out var error);

        Assert.Null(batch);
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""42""")]
    [InlineData("""[1, 2]""")]
    [InlineData("""{"pm2_5": 1} {"pm2_5": 2}""")]
    [InlineData("""{"pm2_5": 1""")]
    [InlineData("""{"values": {"pm2_5": 1}, "pm10": "ignored"} trailing""")]
    [InlineData("""{}""")]
    [InlineData("""{"values": {}}""")]
    [InlineData("""{"values": {"pm2_5": null}}""")]
    [InlineData("""{"values": {"": 1}}""")]
    [InlineData("""{"ts": "2025-11-24T16:00:00", "values": {"pm2_5": 1}}""")]
    [InlineData("""{"ts": "2025-11-24", "values": {"pm2_5": 1}}""")]
    [InlineData("""{"ts": 1577836799999, "values": {"pm2_5": 1}}""")]
    [InlineData("""{"ts": "2026-11-22T03:10:00Z", "values": {"pm2_5": 1}}""")]
    [InlineData("""{"ts": true, "values": {"pm2_5": 1}}""")]
    public void Invalid_requests_say_what_is_wrong(string json)
    {
        var batch = Parse(json, out var error);

        Assert.Null(batch);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    private static Grains.Telemetry.TelemetryBatch? Parse(string json, out string? error)
    {
        return TelemetryPayload.Parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), Now, TimeSpan.FromMinutes(5), out error);
    }
}
