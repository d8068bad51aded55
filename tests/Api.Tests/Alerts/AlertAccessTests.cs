using System.Net;
using System.Net.Http.Json;
using SmartCity.Twin.Api.Tests.Security;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Api.Tests.Alerts;

/// <summary>Who may read alerts and who may handle them: people on duty handle, third parties and viewers only read.</summary>
public sealed class AlertAccessTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    private readonly AlertTwins twins = new(factory.Services);

    [Fact]
    public async Task An_operator_signed_in_handles_an_alert_under_their_own_name()
    {
        var username = AccessAdmin.UniqueName("lan");
        await AccessAdmin.CreateUserAsync(factory, username, "operator");
        using var login = factory.CreateClient();
        using var operatorClient = AccessAdmin.BearerClient(factory, await AccessAdmin.LoginAsync(login, username));
        var path = $"/api/v1/alerts/{Uri.EscapeDataString(await RaiseAsync())}";

        using var acknowledged = await operatorClient.PostAsJsonAsync(path + "/acknowledge", new { note = "Đang xử lý" });
        using var commented = await operatorClient.PostAsJsonAsync(path + "/comments", new { text = "Đã gọi chủ nhà" });
        using var resolved = await operatorClient.PostAsync(path + "/resolve", null);

        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, commented.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var alert = await AlertJson.ReadObjectAsync(resolved);
        Assert.Equal(username, alert.Str("acknowledgedBy"));
        Assert.Equal(username, alert.Str("resolvedBy"));
        Assert.Equal(username, alert["transitions"]!.AsArray()[2].Str("by"));
    }

    [Fact]
    public async Task A_viewer_reads_alerts_but_cannot_handle_them()
    {
        var username = AccessAdmin.UniqueName("viewer");
        await AccessAdmin.CreateUserAsync(factory, username, "viewer");
        using var login = factory.CreateClient();
        using var viewer = AccessAdmin.BearerClient(factory, await AccessAdmin.LoginAsync(login, username));
        var alertId = await RaiseAsync();

        using var list = await viewer.GetAsync("/api/v1/alerts?status=active");
        using var incidents = await viewer.GetAsync("/api/v1/incidents");
        using var acknowledge = await viewer.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString(alertId)}/acknowledge", null);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(alertId, (await AlertJson.ReadItemsAsync(list)).Ids());
        Assert.Equal(HttpStatusCode.OK, incidents.StatusCode);
        await AssertForbiddenAsync(acknowledge);
        using var admin = factory.CreateAdminClient();
        Assert.Equal("Active", (await AlertJson.ReadObjectAsync(await admin.GetAsync($"/api/v1/alerts/{Uri.EscapeDataString(alertId)}"))).Str("status"));
    }

    [Fact]
    public async Task A_third_party_key_with_read_alerts_reads_but_cannot_handle_even_with_write_commands()
    {
        var key = await AccessAdmin.CreateKeyAsync(factory, AccessAdmin.UniqueName("lgsp"), ["read:alerts", "write:commands"]);
        using var thirdParty = AccessAdmin.KeyClient(factory, key);
        var alertId = await RaiseAsync();
        var path = $"/api/v1/alerts/{Uri.EscapeDataString(alertId)}";

        using var read = await thirdParty.GetAsync(path);
        using var resolve = await thirdParty.PostAsync(path + "/resolve", null);
        using var comment = await thirdParty.PostAsJsonAsync(path + "/comments", new { text = "hello" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await AssertForbiddenAsync(resolve);
        await AssertForbiddenAsync(comment);
    }

    [Fact]
    public async Task A_key_without_read_alerts_cannot_list_alerts_or_incidents()
    {
        var key = await AccessAdmin.CreateKeyAsync(factory, AccessAdmin.UniqueName("maps"), ["read:twins"]);
        using var maps = AccessAdmin.KeyClient(factory, key);

        using var alerts = await maps.GetAsync("/api/v1/alerts");
        using var incidents = await maps.GetAsync("/api/v1/incidents");

        await AssertForbiddenAsync(alerts);
        await AssertForbiddenAsync(incidents);
    }

    private async Task<string> RaiseAsync()
    {
        var id = AlertTwins.NewId("fire");
        await (await twins.FirePanelAsync(id, AlertTwins.DiemDien)).RaiseWarning(WarningTypes.Fire);
        using var admin = factory.CreateAdminClient();
        return (await AlertJson.ReadItemsAsync(await admin.GetAsync($"/api/v1/alerts?twin={id}"))).Single().Str("id");
    }

    private static async Task AssertForbiddenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(403, (await AlertJson.ReadObjectAsync(response))["status"]!.GetValue<int>());
    }
}
