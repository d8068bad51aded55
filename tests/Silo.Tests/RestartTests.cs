using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SmartCity.Twin.Silo.Tests;

/// <summary>
/// The definition of done, as an operator does it: start the silo on a fresh data folder, change a twin over
/// HTTP, press Ctrl+C, start again, and find the change still there.
/// </summary>
public sealed class RestartTests
{
    private const string DemoSensor = "tb-aq-01";

    // The living demo keeps sending the station's own readings; a metric it never sends keeps the test's change its own.
    private const string OperatorMetric = "pm2_5_reference";

    [Fact]
    public async Task Twin_state_and_admin_key_survive_ctrl_c_and_restart()
    {
        using var data = new TempDataFolder();
        await AssertStateSurvivesRestartAsync(data, SiloProcess.SigInt);
    }

    [Fact]
    public async Task Twin_state_survives_sigterm_and_restart()
    {
        using var data = new TempDataFolder();
        await AssertStateSurvivesRestartAsync(data, SiloProcess.SigTerm);
    }

    [Fact]
    public async Task Twin_state_survives_ctrl_c_and_restart_on_postgres()
    {
        using var data = new TempDataFolder();
        await using var database = await PostgresDatabase.CreateAsync();
        await AssertStateSurvivesRestartAsync(
            data, SiloProcess.SigInt, "--Storage:Provider", "postgres", "--Storage:ConnectionString", database.ConnectionString);
        Assert.False(File.Exists(Path.Combine(data.Path, "twin.db")));
    }

    private static async Task AssertStateSurvivesRestartAsync(TempDataFolder data, int stopSignal, params string[] arguments)
    {
        string adminKey;
        await using (var first = SiloProcess.Start(data.Path, arguments))
        {
            await first.WaitUntilHealthyAsync();
            adminKey = data.ReadAdminKey();

            using var before = await GetTwinAsync(first, DemoSensor);
            Assert.True(before.RootElement.GetProperty("isProvisioned").GetBoolean());
            Assert.Equal("environment-sensor", before.RootElement.GetProperty("kind").GetString());

            using var post = await PostTelemetryAsync(
                first, DemoSensor, adminKey, """{"ts": "2024-06-01T08:00:00+07:00", "values": {"pm2_5_reference": 41.2}}""");
            Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
            await WaitForMetricAsync(first, DemoSensor, OperatorMetric, 41.2);

            Assert.Equal(0, await first.StopAsync(stopSignal));
        }

        await using var second = SiloProcess.Start(data.Path, arguments);
        await second.WaitUntilHealthyAsync();

        using var after = await GetTwinAsync(second, DemoSensor);
        var reading = Metric(after.RootElement, OperatorMetric);
        Assert.NotNull(reading);
        Assert.Equal(41.2, reading.Value.GetProperty("value").GetDouble());
        Assert.Equal(
            new DateTimeOffset(2024, 6, 1, 1, 0, 0, TimeSpan.Zero),
            reading.Value.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal(adminKey, data.ReadAdminKey());
        Assert.DoesNotContain("Admin API key:", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, await second.StopAsync());
    }

    [Fact]
    public async Task Demo_province_is_served_with_twins_and_district_rollups()
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.Start(data.Path, "--Storage:Provider", "memory");
        await silo.WaitUntilHealthyAsync();

        using var camera = await GetTwinAsync(silo, "tb-cam-001");
        Assert.Equal("camera", camera.RootElement.GetProperty("kind").GetString());
        var districtId = camera.RootElement.GetProperty("districtId").GetString();
        Assert.False(string.IsNullOrEmpty(districtId));

        using var district = await silo.AdminHttp.GetAsync(new Uri($"api/v1/districts/{districtId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, district.StatusCode);
        using var body = JsonDocument.Parse(await district.Content.ReadAsStringAsync());
        Assert.Equal(districtId, body.RootElement.GetProperty("id").GetString());
        Assert.True(body.RootElement.GetProperty("rollup").GetProperty("devices").GetProperty("total").GetInt32() > 0);

        using var unknownTwin = await silo.AdminHttp.GetAsync(new Uri("api/v1/twins/no-such-device", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknownTwin.StatusCode);
        Assert.Equal("application/problem+json", unknownTwin.Content.Headers.ContentType?.MediaType);

        using var unknownDistrict = await silo.AdminHttp.GetAsync(new Uri("api/v1/districts/atlantis", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknownDistrict.StatusCode);
        Assert.Equal("application/problem+json", unknownDistrict.Content.Headers.ContentType?.MediaType);

        Assert.Equal(0, await silo.StopAsync());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"values": {}}""")]
    [InlineData("""{"values": {"pm2_5": "high"}}""")]
    [InlineData("""{"ts": "yesterday", "values": {"pm2_5": 1}}""")]
    [InlineData("""{"ts": 946684800000, "values": {"pm2_5": 1}}""")]
    [InlineData("""{"values": {"has space": 1}}""")]
    public async Task Bad_telemetry_is_rejected_with_problem_details(string body)
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.Start(data.Path, "--Storage:Provider", "memory", "--Auth:AdminKey", "key-for-tests");
        await silo.WaitUntilHealthyAsync();

        using var response = await PostTelemetryAsync(silo, DemoSensor, "key-for-tests", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await silo.StopAsync());
    }

    private static async Task<JsonDocument> GetTwinAsync(SiloProcess silo, string id)
    {
        using var response = await silo.AdminHttp.GetAsync(new Uri($"api/v1/twins/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PostTelemetryAsync(SiloProcess silo, string id, string adminKey, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/twins/{id}/telemetry")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", adminKey);
        return silo.Http.SendAsync(request);
    }

    /// <summary>Telemetry is one-way: the twin records it shortly after the 202.</summary>
    private static async Task WaitForMetricAsync(SiloProcess silo, string id, string metric, double expected)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var snapshot = await silo.AdminHttp.GetFromJsonAsync<JsonElement>(new Uri($"api/v1/twins/{id}", UriKind.Relative));
            if (Metric(snapshot, metric)?.GetProperty("value").GetDouble() == expected)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{id} never showed {metric} = {expected}.");
    }

    private static JsonElement? Metric(JsonElement snapshot, string metric)
    {
        foreach (var reading in snapshot.GetProperty("metrics").EnumerateArray())
        {
            if (reading.GetProperty("metric").GetString() == metric)
            {
                return reading;
            }
        }

        return null;
    }
}
