using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Api.History;

namespace SmartCity.Twin.Api.Tests.History;

public sealed class HistoryApiTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    /// <summary>A whole hour three hours ago: the points are in the past, within clock skew and retention.</summary>
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds((DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 3600 * 3600) - (3 * 3600));

    [Fact]
    public async Task Telemetry_reads_back_downsampled_with_exact_min_max_avg_and_count_before_and_after_it_is_written()
    {
        using var admin = factory.CreateAdminClient();
        var id = NewTwinId();
        await TwinRequests.ProvisionAsync(admin, id, "environment-sensor");
        await TwinRequests.PostTelemetryAsync(admin, id, "pm2_5", (T0.AddSeconds(10), 10), (T0.AddSeconds(20), 30.5), (T0.AddSeconds(70), 20));
        await TwinRequests.PostTelemetryAsync(admin, id, "pm2_5", (T0.AddMinutes(60).AddSeconds(5), 50));

        var hourly = await GetHistoryAsync(admin, id, $"metric=pm2_5&from={TwinRequests.Iso(T0)}&to={TwinRequests.Iso(T0.AddHours(2))}&bucket=PT1H");
        await factory.Services.GetRequiredService<MetricHistoryRecorder>().FlushAsync(includeOpen: true);
        var hourlyWritten = await GetHistoryAsync(admin, id, $"metric=pm2_5&from={TwinRequests.Iso(T0)}&to={TwinRequests.Iso(T0.AddHours(2))}&bucket=1h");
        var perMinute = await GetHistoryAsync(admin, id, $"metric=pm2_5&from={TwinRequests.Iso(T0)}&to={TwinRequests.Iso(T0.AddHours(2))}&bucket=1m");

        HistoryPointBody[] expectedHourly = [new(T0, 10, 30.5, 20.166666666666668, 3), new(T0.AddHours(1), 50, 50, 50, 1)];
        Assert.Equal("PT1H", hourly.Bucket);
        Assert.Equal((id, "pm2_5"), (hourly.TwinId, hourly.Metric));
        Assert.Equal(expectedHourly, hourly.Points);
        Assert.Equal(expectedHourly, hourlyWritten.Points);
        Assert.Equal(
            [new(T0, 10, 30.5, 20.25, 2), new(T0.AddMinutes(1), 20, 20, 20, 1), new(T0.AddHours(1), 50, 50, 50, 1)],
            perMinute.Points);
    }

    [Fact]
    public async Task A_late_point_for_a_written_bucket_merges_into_it()
    {
        using var admin = factory.CreateAdminClient();
        var id = NewTwinId();
        await TwinRequests.ProvisionAsync(admin, id, "environment-sensor");
        await TwinRequests.PostTelemetryAsync(admin, id, "temperature", (T0.AddMinutes(30), 28), (T0.AddMinutes(31), 30));
        await factory.Services.GetRequiredService<MetricHistoryRecorder>().FlushAsync(includeOpen: true);

        await TwinRequests.PostTelemetryAsync(admin, id, "temperature", (T0.AddMinutes(30).AddSeconds(30), 26));
        await factory.Services.GetRequiredService<MetricHistoryRecorder>().FlushAsync(includeOpen: true);

        var history = await GetHistoryAsync(admin, id, $"metric=temperature&from={TwinRequests.Iso(T0)}&to={TwinRequests.Iso(T0.AddHours(1))}&bucket=PT1H");
        Assert.Equal([new HistoryPointBody(T0, 26, 30, 28, 3)], history.Points);
    }

    [Fact]
    public async Task Without_a_range_or_bucket_the_last_24_hours_come_in_at_most_500_buckets()
    {
        using var admin = factory.CreateAdminClient();
        var id = NewTwinId();
        await TwinRequests.ProvisionAsync(admin, id, "environment-sensor");
        await TwinRequests.PostTelemetryAsync(admin, id, "humidity", (T0, 80));

        var history = await GetHistoryAsync(admin, id, "metric=humidity");

        Assert.Equal("PT5M", history.Bucket);
        Assert.Equal(TimeSpan.FromHours(24), history.To - history.From);
        var point = Assert.Single(history.Points);
        Assert.Equal((T0, 80.0, 1L), (point.Start, point.Avg, point.Count));
    }

    [Theory]
    [InlineData("", "metric")]
    [InlineData("metric=pm%202_5", "metric")]
    [InlineData("metric=pm2_5&from=yesterday", "from")]
    [InlineData("metric=pm2_5&to=2026-13-45T00:00:00Z", "to")]
    [InlineData("metric=pm2_5&from=2026-11-20T10:00:00Z&to=2026-11-20T09:00:00Z", "from")]
    [InlineData("metric=pm2_5&from=2026-11-20T10:00:00Z&to=2026-11-20T10:00:00Z", "from")]
    [InlineData("metric=pm2_5&from=2026-09-01T00:00:00Z&to=2026-11-20T00:00:00Z", "from")]
    [InlineData("metric=pm2_5&bucket=7x", "bucket")]
    [InlineData("metric=pm2_5&bucket=30s", "bucket")]
    [InlineData("metric=pm2_5&bucket=PT90S", "bucket")]
    [InlineData("metric=pm2_5&bucket=-5m", "bucket")]
    [InlineData("metric=pm2_5&from=2026-11-01T00:00:00Z&to=2026-11-20T00:00:00Z&bucket=1m", "bucket")]
    public async Task A_bad_query_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        using var admin = factory.CreateAdminClient();
        var id = NewTwinId();
        await TwinRequests.ProvisionAsync(admin, id, "environment-sensor");

        using var response = await admin.GetAsync($"/api/v1/twins/{id}/history?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(parameter, problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task An_unknown_twin_is_a_404_problem()
    {
        using var admin = factory.CreateAdminClient();

        using var response = await admin.GetAsync($"/api/v1/twins/{NewTwinId()}/history?metric=pm2_5");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task History_needs_credentials()
    {
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.GetAsync($"/api/v1/twins/{NewTwinId()}/history?metric=pm2_5");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string NewTwinId() => "hist-" + Guid.NewGuid().ToString("N")[..12];

    private static async Task<HistoryResponseBody> GetHistoryAsync(HttpClient client, string id, string query)
    {
        using var response = await client.GetAsync($"/api/v1/twins/{id}/history?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<HistoryResponseBody>())!;
    }
}
