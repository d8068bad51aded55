using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Api.Tests.Alerts;

/// <summary>What a dashboard sees of an alert nobody took: its severity climbs, with the level, the time and a trail entry.</summary>
public sealed class AlertEscalationApiTests(EscalatingTwinApiFactory factory) : IClassFixture<EscalatingTwinApiFactory>
{
    private readonly AlertTwins twins = new(factory.Services);

    [Fact]
    public async Task An_intrusion_nobody_acknowledges_shows_as_escalated_to_critical_with_its_trail()
    {
        using var client = factory.CreateAdminClient();
        var cameraId = AlertTwins.NewId("cam");
        var before = DateTimeOffset.UtcNow;
        await (await twins.CameraAsync(cameraId, AlertTwins.Isolated())).RaiseWarning(WarningTypes.Intrusion);
        var id = (await AlertJson.ReadItemsAsync(await client.GetAsync($"/api/v1/alerts?twin={cameraId}"))).Single().Str("id");
        var path = $"/api/v1/alerts/{Uri.EscapeDataString(id)}";
        var opened = await AlertJson.ReadObjectAsync(await client.GetAsync(path));

        var escalated = await AlertJson.EventuallyAsync(client, path, a => a["escalationLevel"]!.GetValue<int>() > 0);
        var critical = await AlertJson.ReadItemsAsync(await client.GetAsync($"/api/v1/alerts?twin={cameraId}&severity=critical"));

        Assert.Equal("High", opened.Str("severity"));
        Assert.Equal(0, opened["escalationLevel"]!.GetValue<int>());
        Assert.NotNull(opened.StrOrNull("escalatesAt"));
        Assert.Equal("Critical", escalated.Str("severity"));
        Assert.Equal("Active", escalated.Str("status"));
        Assert.Equal(1, escalated["escalationLevel"]!.GetValue<int>());
        Assert.True(DateTimeOffset.Parse(escalated.Str("escalatedAt"), System.Globalization.CultureInfo.InvariantCulture) >= before.AddSeconds(2));
        var step = escalated["transitions"]!.AsArray()[^1]!;
        Assert.Equal(("escalated", "system", "High", "Critical"), (step.Str("action"), step.Str("by"), step.Str("fromSeverity"), step.Str("toSeverity")));
        Assert.Equal(id, critical.Single().Str("id"));
    }

    [Fact]
    public async Task An_intrusion_acknowledged_in_time_through_the_api_is_not_escalated()
    {
        using var client = factory.CreateAdminClient();
        var cameraId = AlertTwins.NewId("cam");
        await (await twins.CameraAsync(cameraId, AlertTwins.Isolated())).RaiseWarning(WarningTypes.Intrusion);
        var id = (await AlertJson.ReadItemsAsync(await client.GetAsync($"/api/v1/alerts?twin={cameraId}"))).Single().Str("id");
        var path = $"/api/v1/alerts/{Uri.EscapeDataString(id)}";

        using var acknowledged = await client.PostAsync(path + "/acknowledge", null);
        await Task.Delay(TimeSpan.FromSeconds(4));
        var later = await AlertJson.ReadObjectAsync(await client.GetAsync(path));

        Assert.True(acknowledged.IsSuccessStatusCode);
        Assert.Equal(("High", "Acknowledged", 0), (later.Str("severity"), later.Str("status"), later["escalationLevel"]!.GetValue<int>()));
        Assert.Null(later.StrOrNull("escalatesAt"));
        Assert.Null(later.StrOrNull("escalatedAt"));
    }
}
