using System.Net;
using System.Net.Http.Json;

namespace SmartCity.Twin.Api.Tests.History;

[Collection(Tests.Twins.SiloRestartCollection.Name)]
public sealed class SqliteHistoryRestartTests : IDisposable
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "twin-history-restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task History_recorded_on_SQLite_is_still_there_after_a_restart()
    {
        var t0 = DateTimeOffset.FromUnixTimeSeconds((DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 3600 * 3600) - 3600);
        var id = "restart-" + Guid.NewGuid().ToString("N")[..12];
        var query = $"/api/v1/twins/{id}/history?metric=pm10&from={TwinRequests.Iso(t0)}&to={TwinRequests.Iso(t0.AddHours(1))}&bucket=PT1H";

        using (var first = new SqliteTwinApiFactory(dataPath))
        {
            using var admin = first.CreateAdminClient();
            await TwinRequests.ProvisionAsync(admin, id, "environment-sensor");
            await TwinRequests.PostTelemetryAsync(admin, id, "pm10", (t0.AddMinutes(1), 35), (t0.AddMinutes(2), 45), (t0.AddMinutes(59), 70));
            await first.StopAsync();
        }

        using var second = new SqliteTwinApiFactory(dataPath);
        using var client = second.CreateAdminClient();
        using var response = await client.GetAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var history = await response.Content.ReadFromJsonAsync<HistoryResponseBody>();
        Assert.Equal([new HistoryPointBody(t0, 35, 70, 50, 3)], history!.Points);
        Assert.True(File.Exists(Path.Combine(dataPath, "twin.db")));
        await second.StopAsync();
    }

    public void Dispose()
    {
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }
}
