using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SmartCity.Twin.Api.Security;
using SmartCity.Twin.Api.Twins;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Live;

/// <summary>
/// The live twin at <c>/hubs/twin</c>. Each Subscribe method returns a subscription id; the client then gets a
/// <c>snapshot</c> of what the subscription shows and coalesced <c>deltas</c> (alerts: <c>alerts</c>). Method and
/// message names are a public contract, described in api/Live/README.md. Bad arguments are a <see cref="HubException"/>
/// whose message the client sees; the connection stays up.
/// </summary>
internal sealed class TwinHub(LiveRouter router, ProvinceMap map, LiveSnapshots snapshots, IAuthorizationService authorization) : Hub
{
    private const int MaxTwinIdLength = 128;

    public override Task OnConnectedAsync()
    {
        router.Connect(Context.ConnectionId);
        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await router.DisconnectAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>One twin, by id.</summary>
    public string SubscribeTwin(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxTwinIdLength)
        {
            throw new HubException("SubscribeTwin(id): id is a twin id of 1–128 characters, e.g. \"env-001\".");
        }

        // While the directory is still loading, a twin it does not know yet may be in storage.
        if (snapshots.FindTwin(id) is null && snapshots.TwinsLoaded.IsCompleted)
        {
            throw new HubException($"SubscribeTwin(id): no twin '{id}'. Provision it with PUT /api/v1/twins/{{id}} first.");
        }

        return router.Subscribe(Context.ConnectionId, LiveScope.Twin, TwinFilter.All, id).Id;
    }

    /// <summary>Every twin in a district of the province.</summary>
    public string SubscribeDistrict(string districtId)
    {
        if (string.IsNullOrEmpty(districtId) || map.FindDistrict(districtId) is not { } district)
        {
            throw new HubException(
                $"SubscribeDistrict(districtId): '{districtId}' is not a district of {map.Name}. Districts: {string.Join(", ", map.Districts.Select(d => d.Id))}.");
        }

        return router.Subscribe(Context.ConnectionId, LiveScope.District, new TwinFilter { DistrictId = district.Id }).Id;
    }

    /// <summary>The map's viewport: every twin inside the box. Calling it again replaces the connection's previous viewport.</summary>
    public string SubscribeBounds(double minLon, double minLat, double maxLon, double maxLat)
    {
        if (!IsLongitude(minLon) || !IsLongitude(maxLon) || !IsLatitude(minLat) || !IsLatitude(maxLat) || minLon >= maxLon || minLat >= maxLat)
        {
            throw new HubException(string.Create(
                CultureInfo.InvariantCulture,
                $"SubscribeBounds(minLon, minLat, maxLon, maxLat): expected -180 ≤ minLon < maxLon ≤ 180 and -90 ≤ minLat < maxLat ≤ 90 (degrees, WGS 84), got ({minLon}, {minLat}, {maxLon}, {maxLat})."));
        }

        return router.Subscribe(Context.ConnectionId, LiveScope.Bounds, new TwinFilter { Bounds = new GeoBounds(minLon, minLat, maxLon, maxLat) }).Id;
    }

    /// <summary>Every twin of a kind, e.g. <c>fire-alarm</c>.</summary>
    public string SubscribeKind(string kind)
    {
        if (string.IsNullOrEmpty(kind) || !DeviceKindNames.TryParse(kind, out var parsed))
        {
            throw new HubException($"SubscribeKind(kind): '{kind}' is not a device kind. Kinds: {string.Join(", ", DeviceKindNames.All)}.");
        }

        return router.Subscribe(Context.ConnectionId, LiveScope.Kind, new TwinFilter { Kind = parsed }).Id;
    }

    /// <summary>The open alerts, then every alert change. Needs the <c>read:alerts</c> scope on top of <c>read:twins</c>.</summary>
    public async Task<string> SubscribeAlerts()
    {
        var allowed = await authorization.AuthorizeAsync(Context.User ?? new System.Security.Claims.ClaimsPrincipal(), ApiPolicies.ReadAlerts);
        if (!allowed.Succeeded)
        {
            throw new HubException($"SubscribeAlerts(): your key or role does not grant the {ApiScopes.ReadAlerts} scope.");
        }

        return router.Subscribe(Context.ConnectionId, LiveScope.Alerts, TwinFilter.All).Id;
    }

    /// <summary>Stops a subscription; nothing more is pushed for it.</summary>
    public void Unsubscribe(string subscriptionId)
    {
        if (string.IsNullOrEmpty(subscriptionId) || !router.Unsubscribe(Context.ConnectionId, subscriptionId))
        {
            throw new HubException($"Unsubscribe(subscriptionId): this connection has no subscription '{subscriptionId}'.");
        }
    }

    private static bool IsLongitude(double value) => double.IsFinite(value) && value is >= -180 and <= 180;

    private static bool IsLatitude(double value) => double.IsFinite(value) && value is >= -90 and <= 90;
}
