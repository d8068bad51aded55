using System.Text.Json;
using SmartCity.Twin.Silo.Endpoints;

namespace SmartCity.Twin.Silo.Tests;

public sealed class TelemetryRequestParserTests
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

    [Theory]
    [InlineData("""[]""")]
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
        using var document = JsonDocument.Parse(json);
        return TelemetryRequestParser.Parse(document.RootElement, Now, TimeSpan.FromMinutes(5), out error);
    }
}
