using System.Net;

namespace SmartCity.Twin.Api.Tests.Twins;

/// <summary>The twin directory is rebuilt from storage when the silo starts again: lists show the twins before any of them reports.</summary>
[Collection(SiloRestartCollection.Name)]
public sealed class TwinDirectoryRestartTests : IDisposable
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "twin-directory-restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task After_a_restart_on_the_same_sqlite_data_the_list_still_shows_provisioned_twins_and_not_deleted_ones()
    {
        var kept = TwinApi.NewId("restart-kept");
        var deleted = TwinApi.NewId("restart-deleted");
        await using (var first = new SqliteTwinApiFactory(dataPath))
        {
            using var admin = first.CreateAdminClient();
            var at = first.Map().Districts[0].InteriorPoint;
            await TwinApi.ProvisionAsync(admin, kept, "fire-alarm", at, name: "Báo cháy chợ Bo");
            await TwinApi.ProvisionAsync(admin, deleted, "fire-alarm", at);
            using var delete = await admin.DeleteAsync("/api/v1/twins/" + deleted);
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        await using var second = new SqliteTwinApiFactory(dataPath);
        using var restarted = second.CreateAdminClient();

        var listed = await TwinApi.ListAllAsync(restarted, "?kind=fire-alarm");

        var twin = Assert.Single(listed, t => t.GetProperty("id").GetString() == kept);
        Assert.Equal("Báo cháy chợ Bo", twin.GetProperty("name").GetString());
        Assert.Equal(second.Map().Districts[0].Id, twin.GetProperty("districtId").GetString());
        Assert.DoesNotContain(listed, t => t.GetProperty("id").GetString() == deleted);
        using var get = await restarted.GetAsync("/api/v1/twins/" + kept);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    public void Dispose()
    {
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }
}
