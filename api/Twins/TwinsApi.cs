using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Api.Security;
using SmartCity.Twin.Gateways.Devices.Identity;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Credentials;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Observation;

namespace SmartCity.Twin.Api.Twins;

/// <summary>Device twins: list and map them from the twin directory, read one, provision (issuing device credentials), delete.</summary>
internal static class TwinsApi
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;
    private const int DefaultFeatureCount = 10_000;
    private const int MaxFeatureCount = 100_000;

    /// <summary>Right after a start, a list waits this long for the directory to finish loading rather than answer from half of it.</summary>
    private static readonly TimeSpan LoadWait = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddTwinsApi(this IServiceCollection services)
    {
        services.AddSingleton<TwinDirectory>();
        services.AddSingleton<ITwinDirectory>(sp => sp.GetRequiredService<TwinDirectory>());
        services.AddSingleton<ITwinObserver>(sp => sp.GetRequiredService<TwinDirectory>());
        services.AddHostedService<TwinDirectoryLoader>();
        services.AddSingleton<DeviceTwinLocator>();
        return services;
    }

    public static IEndpointRouteBuilder MapTwinsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Twins");
        api.MapGet("/twins", ListTwinsAsync)
            .RequireAuthorization(ApiPolicies.ReadTwins)
            .WithName("ListTwins")
            .WithSummary("Device twins matching filters, a page at a time in id order")
            .WithDescription(
                "Filters (all optional, all must hold): kind (camera, environment-sensor, fire-alarm, intersection, service-counter); "
                + "district (a district id of the province); status (online, offline, unknown); metric=name:op:value with op lt, lte, eq, gte, gt "
                + "(repeatable, e.g. metric=pm2_5:gt:50); bbox=minLon,minLat,maxLon,maxLat; near=lon,lat,radiusMeters (radius up to 100 km). "
                + "limit: 1–1000 (default 100). cursor: the nextCursor of the previous page; pages neither skip nor repeat twins while others are added.")
            .Produces<TwinPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/twins.geojson", ListTwinFeaturesAsync)
            .RequireAuthorization(ApiPolicies.ReadTwins)
            .WithName("ListTwinFeatures")
            .WithSummary("Located device twins as a GeoJSON FeatureCollection of points, for map layers")
            .WithDescription(
                "The same filters as GET /api/v1/twins; limit 1–100,000 (default 10,000); a truncated collection carries nextCursor. "
                + "Feature properties: id, kind, name, districtId, status, lastSeen, activeWarnings, metrics {name: latest value}. "
                + "Twins without a location (not provisioned) are left out.")
            .Produces<string>(StatusCodes.Status200OK, TwinFeatureCollection.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/twins/{id}", GetTwinAsync)
            .RequireAuthorization(ApiPolicies.ReadTwins)
            .WithName("GetTwin")
            .WithSummary("One device twin: identity, place, liveness, properties, latest metrics, warnings")
            .Produces<DeviceTwinSnapshot>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/twins/{id}", ProvisionTwinAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .WithName("ProvisionTwin")
            .WithSummary("Creates or updates a device twin; the response that creates it carries the device's MQTT credentials, once")
            .Produces<ProvisionedTwinResponse>(StatusCodes.Status201Created)
            .Produces<ProvisionedTwinResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/twins/{id}/credentials", RotateCredentialsAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .WithName("RotateDeviceCredentials")
            .WithSummary("Issues a new secret for a provisioned device; the previous one stops working at once, over MQTT and HTTP")
            .WithDescription(
                "For a leaked or lost secret, or a replaced device: the response carries the new credentials, once, in the shape of the "
                + "`credentials` of the provisioning response. Connections the device opened with the old secret stay open, but what "
                + "they publish is refused; the device reconnects with the new secret.")
            .Produces<DeviceCredentialsResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/twins/{id}", DeleteTwinAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .WithName("DeleteTwin")
            .WithSummary("Deletes a device twin and its credentials: it leaves lists, maps and roll-ups, and its MQTT password stops working")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> ListTwinsAsync(HttpRequest request, ITwinDirectory directory, ProvinceMap map)
    {
        if (!TwinListQuery.TryParse(request.Query, map, DefaultPageSize, MaxPageSize, out var query, out var problem))
        {
            return problem;
        }

        var (items, nextCursor) = await QueryAsync(directory, query, request.HttpContext.RequestAborted);
        return TypedResults.Ok(new TwinPage(items, nextCursor));
    }

    private static async Task<IResult> ListTwinFeaturesAsync(HttpRequest request, ITwinDirectory directory, ProvinceMap map)
    {
        if (!TwinListQuery.TryParse(request.Query, map, DefaultFeatureCount, MaxFeatureCount, out var query, out var problem))
        {
            return problem;
        }

        // Only located twins can be features; filtering here keeps pages full rather than thinned after the fact.
        var located = query with { Filter = query.Filter with { RequireLocation = true } };
        var (items, nextCursor) = await QueryAsync(directory, located, request.HttpContext.RequestAborted);
        return new TwinFeatureCollection(items, nextCursor);
    }

    /// <summary>One page, asking for one twin more than the limit to know whether another page follows.</summary>
    private static async Task<(IReadOnlyList<DeviceTwinSummary> Items, string? NextCursor)> QueryAsync(ITwinDirectory directory, TwinListQuery query, CancellationToken cancellationToken)
    {
        if (!directory.Loaded.IsCompleted)
        {
            await Task.WhenAny(directory.Loaded, Task.Delay(LoadWait, cancellationToken));
        }

        var found = directory.Query(query.Filter, query.AfterId, query.Limit + 1);
        if (found.Count <= query.Limit)
        {
            return (found, null);
        }

        var page = found.Take(query.Limit).ToArray();
        return (page, TwinCursor.Encode(page[^1].Id));
    }

    private static async Task<IResult> DeleteTwinAsync(string id, DeviceTwinLocator locator, SmartCity.Twin.Runtime.IGrainFactory grains, DeviceConnections connections)
    {
        if (await locator.FindAsync(id) is not { } located)
        {
            return TwinProblems.TwinNotFound(id);
        }

        await located.Twin.Remove();
        await grains.GetGrain<IDeviceCredentials>(id).Remove();
        connections.Revoke(id);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> RotateCredentialsAsync(string id, SmartCity.Twin.Runtime.IGrainFactory grains, DeviceConnections connections)
    {
        if (!IsValidDeviceId(id) || await grains.GetGrain<IDeviceCredentials>(id).Rotate() is not { } secret)
        {
            return TwinProblems.DeviceNotRegistered(id);
        }

        connections.Revoke(id);
        return TypedResults.Ok(new DeviceCredentialsResponse(id, secret, AccessToken.Create(id, secret)));
    }

    private static async Task<IResult> GetTwinAsync(string id, DeviceTwinLocator locator)
    {
        var located = await locator.FindAsync(id);
        return located is null ? TwinProblems.TwinNotFound(id) : TypedResults.Ok(located.Snapshot);
    }

    private static async Task<IResult> ProvisionTwinAsync(string id, ProvisionTwinRequest? body, DeviceTwinLocator locator, SmartCity.Twin.Runtime.IGrainFactory grains)
    {
        if (!IsValidDeviceId(id))
        {
            return TwinProblems.BadRequest("Invalid device id", "A device id is 1–128 characters of letters, digits, '-', '_' and '.', and does not start with '.'.");
        }

        if (body?.Kind is null || !DeviceKindNames.TryParse(body.Kind, out var kind))
        {
            return TwinProblems.BadRequest("Invalid provisioning", $"\"kind\" is one of {string.Join(", ", DeviceKindNames.All)}.");
        }

        if (string.IsNullOrWhiteSpace(body.Name) || body.Location?.Lon is not { } lon || body.Location.Lat is not { } lat)
        {
            return TwinProblems.BadRequest("Invalid provisioning", "\"name\" and \"location\": {\"lon\": ..., \"lat\": ...} are required.");
        }

        var location = new GeoPoint(lon, lat);
        if (!location.IsValid)
        {
            return TwinProblems.BadRequest("Invalid provisioning", "\"location\" must have -180 ≤ lon ≤ 180 and -90 ≤ lat ≤ 90.");
        }

        if (await locator.FindAsync(id) is { } existing && existing.Snapshot.Kind != kind)
        {
            return TwinProblems.KindConflict(id, existing.Snapshot.Kind, kind);
        }

        DeviceRegistration registration;
        try
        {
            registration = await grains.GetGrain<IDeviceCredentials>(id).Register(kind);
        }
        catch (DeviceKindConflictException)
        {
            var registered = await grains.GetGrain<IDeviceCredentials>(id).GetKind();
            return TwinProblems.KindConflict(id, registered ?? kind, kind);
        }

        DeviceTwinSnapshot snapshot;
        try
        {
            snapshot = await grains.GetDeviceTwin(kind, id).Provision(new DeviceProvisioning(body.Name.Trim(), location, body.Attributes));
        }
        catch (ArgumentException e)
        {
            return TwinProblems.BadRequest("Invalid provisioning", e.Message);
        }

        var resource = $"/api/v1/twins/{Uri.EscapeDataString(id)}";
        if (registration.Secret is { } secret)
        {
            var credentials = new DeviceCredentialsResponse(id, secret, AccessToken.Create(id, secret));
            return TypedResults.Created(resource, new ProvisionedTwinResponse(snapshot, credentials));
        }

        return TypedResults.Ok(new ProvisionedTwinResponse(snapshot, null));
    }

    private static bool IsValidDeviceId(string id) =>
        id.Length is > 0 and <= 128 && id[0] != '.' && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

}
