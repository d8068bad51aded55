using System.Net;
using System.Net.Http.Json;
using System.Text;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Api.Tests.Alerts;

/// <summary>What an operator's dashboard or a third-party tool sees of alerts through <c>/api/v1/alerts</c>.</summary>
public sealed class AlertsApiTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    private readonly AlertTwins twins = new(factory.Services);

    [Fact]
    public async Task A_raised_warning_is_listed_and_readable_as_an_alert_with_its_evidence()
    {
        using var client = factory.CreateAdminClient();
        var id = AlertTwins.NewId("env");
        var sensor = await twins.SensorAsync(id, AlertTwins.CityCentre);
        await sensor.ReportTelemetry(TelemetryBatch.Of(DateTimeOffset.UtcNow, ("pm25", 210.4)));
        await sensor.RaiseWarning(WarningTypes.Pollution, new WarningDetails("Bụi mịn PM2.5 vượt ngưỡng"));

        using var list = await client.GetAsync($"/api/v1/alerts?twin={id}");
        var items = await AlertJson.ReadItemsAsync(list);
        using var one = await client.GetAsync($"/api/v1/alerts/{Uri.EscapeDataString(items.Single().Str("id"))}");
        var alert = await AlertJson.ReadObjectAsync(one);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.StartsWith($"{id}.pollution.", alert.Str("id"), StringComparison.Ordinal);
        Assert.Equal("pollution", alert.Str("type"));
        Assert.Equal("Active", alert.Str("status"));
        Assert.Equal("Medium", alert.Str("severity"));
        Assert.Equal("environment-sensor", alert.Str("twinKind"));
        Assert.Equal("thai-binh", alert.Str("districtId"));
        Assert.Equal("Bụi mịn PM2.5 vượt ngưỡng", alert.Str("message"));
        Assert.Equal(210.4, alert["evidence"]!["pm25"]!.GetValue<double>());
        Assert.Equal(1, alert["repeatCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Raising_the_same_warning_again_counts_a_repeat_instead_of_listing_a_second_alert()
    {
        using var client = factory.CreateAdminClient();
        var id = AlertTwins.NewId("fire");
        var panel = await twins.FirePanelAsync(id, AlertTwins.DiemDien);
        await panel.RaiseWarning(WarningTypes.Fire);
        await panel.RaiseWarning(WarningTypes.Fire);

        var items = await AlertJson.ReadItemsAsync(await client.GetAsync($"/api/v1/alerts?twin={id}"));

        var alert = Assert.Single(items);
        Assert.Equal(2, alert!["repeatCount"]!.GetValue<int>());
        Assert.Equal("Critical", alert.Str("severity"));
    }

    [Fact]
    public async Task Filters_by_status_type_severity_district_and_raise_time()
    {
        using var client = factory.CreateAdminClient();
        var id = AlertTwins.NewId("cam");
        var camera = await twins.CameraAsync(id, AlertTwins.DiemDien);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await camera.RaiseWarning(WarningTypes.Intrusion);
        await camera.RaiseWarning(WarningTypes.Tamper);
        await camera.RaiseWarning(WarningTypes.Offline);
        var tamperId = (await AlertJson.ReadItemsAsync(await client.GetAsync($"/api/v1/alerts?twin={id}&type=tamper"))).Single().Str("id");
        (await client.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString(tamperId)}/resolve", null)).Dispose();

        async Task<IReadOnlyList<string>> TypesAsync(string query) =>
            (await AlertJson.ReadItemsAsync(await client.GetAsync($"/api/v1/alerts?twin={id}&{query}"))).Select(i => i.Str("type")).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["intrusion", "offline"], await TypesAsync("status=active"));
        Assert.Equal(["tamper"], await TypesAsync("status=resolved"));
        Assert.Equal(["intrusion", "tamper"], await TypesAsync("severity=high"));
        Assert.Equal(["offline"], await TypesAsync("type=offline"));
        Assert.Equal(["intrusion", "offline", "tamper"], await TypesAsync("district=thai-thuy"));
        Assert.Empty(await TypesAsync("district=thai-binh"));
        Assert.Equal(["intrusion", "offline", "tamper"], await TypesAsync($"from={Uri.EscapeDataString(before.ToString("O"))}"));
        Assert.Empty(await TypesAsync($"to={Uri.EscapeDataString(before.ToString("O"))}"));
    }

    [Fact]
    public async Task Pages_go_newest_first_and_neither_skip_nor_repeat_while_alerts_are_raised()
    {
        using var client = factory.CreateAdminClient();
        var id = AlertTwins.NewId("cam");
        var camera = await twins.CameraAsync(id, AlertTwins.CityCentre);
        string[] types = ["intrusion", "tamper", "offline", "fault", "congestion"];
        foreach (var type in types)
        {
            await camera.RaiseWarning(type);
        }

        var seen = new List<(DateTimeOffset RaisedAt, string Id)>();
        string? cursor = null;
        var pages = 0;
        do
        {
            using var response = await client.GetAsync($"/api/v1/alerts?twin={id}&limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await AlertJson.ReadObjectAsync(response);
            seen.AddRange(page["items"]!.AsArray().Select(i => (i!["raisedAt"]!.GetValue<DateTimeOffset>(), i.Str("id"))));
            cursor = page.StrOrNull("nextCursor");
            pages++;
            await camera.RaiseWarning("queue-overload-" + pages); // newer than every page: must not show up behind the cursor
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(types.Length, seen.Count);
        Assert.Equal(types.Length, seen.Select(s => s.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(s => s.RaisedAt).ThenByDescending(s => s.Id, StringComparer.Ordinal), seen);
        Assert.All(seen, s => Assert.Contains(types, t => s.Id.StartsWith($"{id}.{t}.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Acknowledge_resolve_and_comment_record_the_caller_and_the_note()
    {
        using var client = factory.CreateAdminClient();
        var alertId = await RaiseAsync(client, WarningTypes.Fire);
        var path = $"/api/v1/alerts/{Uri.EscapeDataString(alertId)}";

        using var acknowledged = await client.PostAsJsonAsync(path + "/acknowledge", new { note = "Đã cử đội PCCC" });
        using var commented = await client.PostAsJsonAsync(path + "/comments", new { text = "Khói ở tầng 2, đã sơ tán" });
        using var resolved = await client.PostAsync(path + "/resolve", null);
        var alert = await AlertJson.ReadObjectAsync(resolved);
        var trail = alert["transitions"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal("Acknowledged", (await AlertJson.ReadObjectAsync(acknowledged)).Str("status"));
        Assert.Equal(HttpStatusCode.OK, commented.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal("Resolved", alert.Str("status"));
        Assert.Equal("key:admin", alert.Str("acknowledgedBy"));
        Assert.Equal("key:admin", alert.Str("resolvedBy"));
        Assert.NotNull(alert.StrOrNull("acknowledgedAt"));
        Assert.NotNull(alert.StrOrNull("resolvedAt"));
        Assert.Equal(["raised", "acknowledged", "commented", "resolved"], trail.Select(t => t.Str("action")));
        Assert.Equal(["system", "key:admin", "key:admin", "key:admin"], trail.Select(t => t.Str("by")));
        Assert.Equal("Đã cử đội PCCC", trail[1].Str("note"));
        Assert.Equal("Khói ở tầng 2, đã sơ tán", trail[2].Str("note"));

        var read = await AlertJson.ReadObjectAsync(await client.GetAsync(path));
        Assert.Equal("Resolved", read.Str("status"));
        Assert.Equal(4, read["transitions"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_unknown_alert_is_a_404_problem()
    {
        using var client = factory.CreateAdminClient();

        using var get = await client.GetAsync("/api/v1/alerts/no-such-alert");
        using var acknowledge = await client.PostAsync("/api/v1/alerts/no-such-alert/acknowledge", null);

        await AssertProblemAsync(get, HttpStatusCode.NotFound, "no-such-alert");
        await AssertProblemAsync(acknowledge, HttpStatusCode.NotFound, "no-such-alert");
    }

    [Fact]
    public async Task Acknowledging_or_resolving_a_resolved_alert_is_a_409_problem_and_changes_nothing()
    {
        using var client = factory.CreateAdminClient();
        var path = $"/api/v1/alerts/{Uri.EscapeDataString(await RaiseAsync(client, WarningTypes.Intrusion))}";
        (await client.PostAsync(path + "/resolve", null)).Dispose();

        using var acknowledge = await client.PostAsync(path + "/acknowledge", null);
        using var resolveAgain = await client.PostAsJsonAsync(path + "/resolve", new { note = "again" });

        await AssertProblemAsync(acknowledge, HttpStatusCode.Conflict, "resolved");
        await AssertProblemAsync(resolveAgain, HttpStatusCode.Conflict, "already resolved");
        var alert = await AlertJson.ReadObjectAsync(await client.GetAsync(path));
        Assert.Equal(["raised", "resolved"], alert["transitions"]!.AsArray().Select(t => t.Str("action")));
    }

    [Theory]
    [InlineData("comments", "{\"text\": \"\"}", "text")]
    [InlineData("comments", "{}", "text")]
    [InlineData("comments", "{\"text\": \"a\"", "JSON")]
    [InlineData("acknowledge", "{\"note\": 12", "JSON")]
    [InlineData("acknowledge", "[1, 2]", "JSON")]
    public async Task A_bad_body_is_a_400_problem(string action, string body, string detailMentions)
    {
        using var client = factory.CreateAdminClient();
        var path = $"/api/v1/alerts/{Uri.EscapeDataString(await RaiseAsync(client, WarningTypes.Tamper))}/{action}";

        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, detailMentions);
    }

    [Fact]
    public async Task A_comment_over_2000_characters_is_a_400_problem()
    {
        using var client = factory.CreateAdminClient();
        var path = $"/api/v1/alerts/{Uri.EscapeDataString(await RaiseAsync(client, WarningTypes.Tamper))}/comments";

        using var tooLong = await client.PostAsJsonAsync(path, new { text = new string('x', 2001) });
        using var longest = await client.PostAsJsonAsync(path, new { text = new string('x', 2000) });

        await AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, "2000");
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
    }

    [Theory]
    [InlineData("status=open", "status")]
    [InlineData("severity=urgent", "severity")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=not-a-cursor!", "cursor")]
    [InlineData("cursor=bm90LWEtY3Vyc29y", "cursor")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-11-22T08:00:00Z&to=2026-11-22T07:00:00Z", "to")]
    [InlineData("twin=", "twin")]
    public async Task A_bad_query_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        using var client = factory.CreateAdminClient();

        using var response = await client.GetAsync("/api/v1/alerts?" + query);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, $"'{parameter}'");
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        using var client = factory.CreateClient();

        using var list = await client.GetAsync("/api/v1/alerts");
        using var acknowledge = await client.PostAsync("/api/v1/alerts/x/acknowledge", null);

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, acknowledge.StatusCode);
    }

    private async Task<string> RaiseAsync(HttpClient client, string type)
    {
        var id = AlertTwins.NewId("dev");
        var camera = await twins.CameraAsync(id, AlertTwins.Isolated()); // alone, so no other test's alert corroborates it
        await camera.RaiseWarning(type);
        return (await AlertJson.ReadItemsAsync(await client.GetAsync($"/api/v1/alerts?twin={id}"))).Single().Str("id");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailMentions)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await AlertJson.ReadObjectAsync(response);
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.Contains(detailMentions, problem.Str("detail"), StringComparison.OrdinalIgnoreCase);
    }
}
