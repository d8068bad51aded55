using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Api.Tests.Security;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Api.Tests.Live;

/// <summary>The live hub at /hubs/twin, driven by a SignalR JSON-protocol client and devices publishing over MQTT.</summary>
public sealed class LiveHubTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    private ProvinceMap Map => factory.Services.GetRequiredService<ProvinceMap>();

    private District FirstDistrict => Map.Districts[0];

    private District SecondDistrict => Map.Districts[1];

    [Fact]
    public async Task A_district_subscription_gets_a_snapshot_then_the_telemetry_a_device_publishes_over_MQTT()
    {
        await using var device = await LiveDevice.ProvisionAsync(factory, LiveDevice.NewId("live-district"), FirstDistrict.InteriorPoint);
        await using var hub = await LiveHubClient.ConnectAsync(factory);

        var subscription = await hub.SubscribeAsync("SubscribeDistrict", FirstDistrict.Id);
        var snapshot = await hub.WaitForSnapshotAsync(subscription);
        Assert.Contains(device.Id, snapshot.TwinIds);
        Assert.All(snapshot.Twins, twin => Assert.Equal(FirstDistrict.Id, twin.GetProperty("districtId").GetString()));

        await device.PublishAsync("pm2_5", 77.5);
        var delta = await hub.WaitForDeltaAsync(subscription, device.Id, "pm2_5", 77.5);
        var twin = delta.Twins.Single(t => t.GetProperty("id").GetString() == device.Id);
        Assert.Equal("environment-sensor", twin.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_district_subscription_does_not_get_twins_of_another_district()
    {
        await using var inside = await LiveDevice.ProvisionAsync(factory, LiveDevice.NewId("live-in"), FirstDistrict.InteriorPoint);
        await using var elsewhere = await LiveDevice.ProvisionAsync(factory, LiveDevice.NewId("live-else"), SecondDistrict.InteriorPoint);
        await using var hub = await LiveHubClient.ConnectAsync(factory);
        var subscription = await hub.SubscribeAsync("SubscribeDistrict", FirstDistrict.Id);
        var snapshot = await hub.WaitForSnapshotAsync(subscription);
        Assert.DoesNotContain(elsewhere.Id, snapshot.TwinIds);

        await elsewhere.PublishAsync("pm10", 12);
        await inside.PublishAsync("pm10", 13);
        await hub.WaitForDeltaAsync(subscription, inside.Id, "pm10", 13);

        Assert.DoesNotContain(hub.Messages, m => m.TwinIds.Contains(elsewhere.Id));
    }

    [Fact]
    public async Task A_viewport_subscription_gets_only_the_twins_inside_its_bounds()
    {
        var center = FirstDistrict.InteriorPoint;
        await using var inside = await LiveDevice.ProvisionAsync(factory, LiveDevice.NewId("live-vp-in"), center);
        await using var outside = await LiveDevice.ProvisionAsync(factory, LiveDevice.NewId("live-vp-out"), new GeoPoint(center.Longitude + 0.05, center.Latitude));
        await using var hub = await LiveHubClient.ConnectAsync(factory);

        var subscription = await hub.SubscribeAsync(
            "SubscribeBounds", center.Longitude - 0.001, center.Latitude - 0.001, center.Longitude + 0.001, center.Latitude + 0.001);
        var snapshot = await hub.WaitForSnapshotAsync(subscription);
        Assert.Contains(inside.Id, snapshot.TwinIds);
        Assert.DoesNotContain(outside.Id, snapshot.TwinIds);

        await outside.PublishAsync("temperature", 30);
        await inside.PublishAsync("temperature", 31);
        await hub.WaitForDeltaAsync(subscription, inside.Id, "temperature", 31);
        Assert.DoesNotContain(hub.Messages, m => m.TwinIds.Contains(outside.Id));
    }

    [Fact]
    public async Task Moving_the_viewport_replaces_the_previous_one()
    {
        var center = FirstDistrict.InteriorPoint;
        var east = new GeoPoint(center.Longitude + 0.02, center.Latitude);
        await using var first = await LiveDevice.ProvisionAsync(factory, LiveDevice.NewId("live-move-a"), center);
        await using var second = await LiveDevice.ProvisionAsync(factory, LiveDevice.NewId("live-move-b"), east);
        await using var hub = await LiveHubClient.ConnectAsync(factory);

        var before = await hub.SubscribeAsync("SubscribeBounds", center.Longitude - 0.001, center.Latitude - 0.001, center.Longitude + 0.001, center.Latitude + 0.001);
        await hub.WaitForSnapshotAsync(before);
        var after = await hub.SubscribeAsync("SubscribeBounds", east.Longitude - 0.001, east.Latitude - 0.001, east.Longitude + 0.001, east.Latitude + 0.001);
        Assert.NotEqual(before, after);
        var snapshot = await hub.WaitForSnapshotAsync(after);
        Assert.Equal([second.Id], snapshot.TwinIds);

        await first.PublishAsync("humidity", 70);
        await Task.Delay(500);
        await second.PublishAsync("humidity", 71);
        await hub.WaitForDeltaAsync(after, second.Id, "humidity", 71);
        Assert.DoesNotContain(hub.Messages, m => m.Target == "deltas" && m.TwinIds.Contains(first.Id));

        // The old viewport is gone: unsubscribing it again is an error.
        var error = await Assert.ThrowsAsync<LiveHubException>(() => hub.InvokeAsync("Unsubscribe", before));
        Assert.Contains(before, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewport_of_the_whole_world_gets_its_twins_too()
    {
        await using var device = await LiveDevice.ProvisionAsync(factory, LiveDevice.NewId("live-world"), SecondDistrict.InteriorPoint);
        await using var hub = await LiveHubClient.ConnectAsync(factory);

        var subscription = await hub.SubscribeAsync("SubscribeBounds", -180.0, -90.0, 180.0, 90.0);
        Assert.Contains(device.Id, (await hub.WaitForSnapshotAsync(subscription)).TwinIds);

        await device.PublishAsync("o3", 55);
        await hub.WaitForDeltaAsync(subscription, device.Id, "o3", 55);
    }

    [Fact]
    public async Task A_twin_moved_to_another_district_is_pushed_as_removed_to_the_district_it_left()
    {
        await using var device = await LiveDevice.ProvisionAsync(factory, LiveDevice.NewId("live-moved"), FirstDistrict.InteriorPoint);
        await using var hub = await LiveHubClient.ConnectAsync(factory);
        var left = await hub.SubscribeAsync("SubscribeDistrict", FirstDistrict.Id);
        var joined = await hub.SubscribeAsync("SubscribeDistrict", SecondDistrict.Id);
        Assert.Contains(device.Id, (await hub.WaitForSnapshotAsync(left)).TwinIds);
        Assert.DoesNotContain(device.Id, (await hub.WaitForSnapshotAsync(joined)).TwinIds);

        using var http = factory.CreateAdminClient();
        var to = SecondDistrict.InteriorPoint;
        using var moved = await http.PutAsJsonAsync(
            $"/api/v1/twins/{device.Id}",
            new { kind = device.Kind, name = "moved", location = new { lon = to.Longitude, lat = to.Latitude } });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        await hub.WaitForAsync(
            m => m.Target == "deltas" && m.SubscriptionId == left && m.Removed.Contains(device.Id),
            TimeSpan.FromSeconds(10),
            $"deltas of {FirstDistrict.Id} removing {device.Id}");
        var arrived = await hub.WaitForAsync(
            m => m.Target == "deltas" && m.SubscriptionId == joined && m.TwinIds.Contains(device.Id),
            TimeSpan.FromSeconds(10),
            $"deltas of {SecondDistrict.Id} with {device.Id}");
        Assert.Equal(SecondDistrict.Id, arrived.Twins.Single(t => t.GetProperty("id").GetString() == device.Id).GetProperty("districtId").GetString());
    }

    [Fact]
    public async Task After_unsubscribing_no_more_deltas_come()
    {
        await using var device = await LiveDevice.ProvisionAsync(factory, LiveDevice.NewId("live-unsub"), FirstDistrict.InteriorPoint);
        await using var sentinel = await LiveDevice.ProvisionAsync(factory, LiveDevice.NewId("live-sentinel"), FirstDistrict.InteriorPoint);
        await using var hub = await LiveHubClient.ConnectAsync(factory);
        var subscription = await hub.SubscribeAsync("SubscribeTwin", device.Id);
        var watch = await hub.SubscribeAsync("SubscribeTwin", sentinel.Id);
        Assert.Equal([device.Id], (await hub.WaitForSnapshotAsync(subscription)).TwinIds);
        await device.PublishAsync("noise", 40);
        await hub.WaitForDeltaAsync(subscription, device.Id, "noise", 40);

        await hub.InvokeAsync("Unsubscribe", subscription);
        var seen = hub.Messages.Count;
        await device.PublishAsync("noise", 41);
        await Task.Delay(500);
        await sentinel.PublishAsync("noise", 42);
        await hub.WaitForDeltaAsync(watch, sentinel.Id, "noise", 42);

        Assert.DoesNotContain(hub.Messages.Skip(seen), m => m.SubscriptionId == subscription || m.TwinIds.Contains(device.Id));
    }

    [Fact]
    public async Task Changes_are_coalesced_so_the_latest_value_wins()
    {
        await using var device = await LiveDevice.ProvisionAsync(factory, LiveDevice.NewId("live-coalesce"), FirstDistrict.InteriorPoint);
        await using var hub = await LiveHubClient.ConnectAsync(factory);
        var subscription = await hub.SubscribeAsync("SubscribeTwin", device.Id);
        await hub.WaitForSnapshotAsync(subscription);

        for (var value = 1; value <= 30; value++)
        {
            await device.PublishAsync("co", value);
        }

        await hub.WaitForDeltaAsync(subscription, device.Id, "co", 30);
        var deltas = hub.Messages.Where(m => m.Target == "deltas" && m.SubscriptionId == subscription).ToList();
        Assert.True(deltas.Count < 30, $"30 changes should have been coalesced into fewer pushes, got {deltas.Count}");
        Assert.All(deltas, delta => Assert.Single(delta.Twins));
    }

    [Fact]
    public async Task A_kind_subscription_gets_twins_of_that_kind_only()
    {
        await using var alarm = await LiveDevice.ProvisionAsync(factory, LiveDevice.NewId("live-kind-fire"), FirstDistrict.InteriorPoint, "fire-alarm");
        await using var sensor = await LiveDevice.ProvisionAsync(factory, LiveDevice.NewId("live-kind-env"), FirstDistrict.InteriorPoint);
        await using var hub = await LiveHubClient.ConnectAsync(factory);

        var subscription = await hub.SubscribeAsync("SubscribeKind", "fire-alarm");
        var snapshot = await hub.WaitForSnapshotAsync(subscription);
        Assert.Contains(alarm.Id, snapshot.TwinIds);
        Assert.All(snapshot.Twins, twin => Assert.Equal("fire-alarm", twin.GetProperty("kind").GetString()));
        Assert.DoesNotContain(sensor.Id, snapshot.TwinIds);
    }

    [Fact]
    public async Task A_removed_twin_is_pushed_as_removed()
    {
        await using var device = await LiveDevice.ProvisionAsync(factory, LiveDevice.NewId("live-removed"), FirstDistrict.InteriorPoint);
        await using var hub = await LiveHubClient.ConnectAsync(factory);
        var subscription = await hub.SubscribeAsync("SubscribeDistrict", FirstDistrict.Id);
        Assert.Contains(device.Id, (await hub.WaitForSnapshotAsync(subscription)).TwinIds);

        await factory.Services.GetRequiredService<IGrainFactory>().GetDeviceTwin(DeviceKind.EnvironmentSensor, device.Id).Remove();

        await hub.WaitForAsync(
            m => m.Target == "deltas" && m.SubscriptionId == subscription && m.Removed.Contains(device.Id),
            TimeSpan.FromSeconds(10),
            $"deltas removing {device.Id}");
    }

    [Theory]
    [InlineData("SubscribeBounds", "SubscribeBounds(minLon, minLat, maxLon, maxLat)", 106.5, 20.6, 106.4, 20.5)]
    [InlineData("SubscribeBounds", "SubscribeBounds(minLon, minLat, maxLon, maxLat)", 106.4, 20.5, 200.0, 20.6)]
    [InlineData("SubscribeDistrict", "is not a district", "atlantis")]
    [InlineData("SubscribeKind", "is not a device kind", "toaster")]
    [InlineData("SubscribeTwin", "no twin 'live-never-provisioned'", "live-never-provisioned")]
    [InlineData("Unsubscribe", "has no subscription 'district-0'", "district-0")]
    public async Task Bad_arguments_are_a_hub_error_with_a_clear_message_and_the_connection_stays_up(string method, string expected, params object[] arguments)
    {
        await using var hub = await LiveHubClient.ConnectAsync(factory);

        var error = await Assert.ThrowsAsync<LiveHubException>(() => hub.InvokeAsync(method, arguments));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.True(hub.IsOpen);
        var subscription = await hub.SubscribeAsync("SubscribeKind", "camera");
        await hub.WaitForSnapshotAsync(subscription);
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_clients_with_401_problem_json()
    {
        using var http = factory.CreateClient();

        using var negotiate = await http.PostAsync("/hubs/twin/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        Assert.Equal("application/problem+json", negotiate.Content.Headers.ContentType?.MediaType);
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => LiveHubClient.ConnectAsync(factory, apiKey: null));
    }

    [Fact]
    public async Task A_key_without_read_alerts_can_follow_twins_but_not_alerts()
    {
        var key = await AccessAdmin.CreateKeyAsync(factory, AccessAdmin.UniqueName("live-twins-only"), ["read:twins"]);
        await using var hub = await LiveHubClient.ConnectAsync(factory, key);

        var error = await Assert.ThrowsAsync<LiveHubException>(() => hub.InvokeAsync("SubscribeAlerts"));

        Assert.Contains("read:alerts", error.Message, StringComparison.Ordinal);
        var subscription = await hub.SubscribeAsync("SubscribeDistrict", FirstDistrict.Id);
        await hub.WaitForSnapshotAsync(subscription);
    }

    [Fact]
    public async Task An_alert_subscription_gets_the_open_alerts_then_alerts_raised_later()
    {
        await using var alarm = await LiveDevice.ProvisionAsync(factory, LiveDevice.NewId("live-alert"), FirstDistrict.InteriorPoint, "fire-alarm");
        await using var hub = await LiveHubClient.ConnectAsync(factory);
        var subscription = await hub.SubscribeAsync("SubscribeAlerts");
        var snapshot = await hub.WaitForAsync(m => m.Target == "alerts" && m.SubscriptionId == subscription, TimeSpan.FromSeconds(10), "alerts snapshot");
        Assert.True(snapshot.Arguments[2].GetBoolean());

        await factory.Services.GetRequiredService<IGrainFactory>().GetDeviceTwin(DeviceKind.FireAlarm, alarm.Id).RaiseWarning("fire");

        var raised = await hub.WaitForAsync(
            m => m.Target == "alerts" && m.SubscriptionId == subscription
                 && m.Arguments[1].EnumerateArray().Any(a => a.GetProperty("twinId").GetString() == alarm.Id),
            TimeSpan.FromSeconds(10),
            $"an alert of {alarm.Id}");
        Assert.False(raised.Arguments[2].GetBoolean());
        var alert = raised.Arguments[1].EnumerateArray().First(a => a.GetProperty("twinId").GetString() == alarm.Id);
        Assert.Equal("fire", alert.GetProperty("type").GetString());
    }
}
