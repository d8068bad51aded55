using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Api.Security;
using SmartCity.Twin.Gateways.Devices.Identity;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Credentials;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Twins;

/// <summary>Device twins: read one, provision (issuing device credentials).</summary>
internal static class TwinsApi
{
    public static IServiceCollection AddTwinsApi(this IServiceCollection services) => services.AddSingleton<DeviceTwinLocator>();

    public static IEndpointRouteBuilder MapTwinsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1");
        api.MapGet("/twins/{id}", GetTwinAsync).RequireAuthorization(ApiPolicies.ReadTwins);
        api.MapPut("/twins/{id}", ProvisionTwinAsync).RequireAuthorization(ApiPolicies.Admin);
        return endpoints;
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
