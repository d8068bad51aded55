using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Gateways.Devices.Commands;
using SmartCity.Twin.Gateways.Devices.Identity;
using SmartCity.Twin.Gateways.Devices.Payloads;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Credentials;
using SmartCity.Twin.Grains.Districts;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Silo.Auth;

namespace SmartCity.Twin.Silo.Endpoints;

/// <summary>
/// The minimal twin API the silo serves until the full REST API lands: provision a device twin (issuing its MQTT
/// credentials), read it, send it a command, read a district roll-up, and report telemetry with the admin key.
/// </summary>
internal static class TwinEndpoints
{
    /// <summary>What a command without a payload sends: <c>{}</c>, parsed once.</summary>
    private static readonly JsonElement EmptyCommandPayload = JsonDocument.Parse("{}").RootElement.Clone();

    public static IEndpointRouteBuilder MapTwinEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1");
        api.MapGet("/twins/{id}", GetTwinAsync);
        api.MapPut("/twins/{id}", ProvisionTwinAsync).AddEndpointFilter<AdminKeyEndpointFilter>();
        api.MapPost("/twins/{id}/commands", SendCommandAsync).AddEndpointFilter<AdminKeyEndpointFilter>();
        api.MapGet("/gateways/mqtt", (IMqttBroker broker) => TypedResults.Ok(new MqttEndpointStatus(broker.ConnectedClients, broker.Metrics)))
            .AddEndpointFilter<AdminKeyEndpointFilter>();
        api.MapGet("/districts/{id}", GetDistrictAsync);
        api.MapPost("/twins/{id}/telemetry", PostTelemetryAsync).AddEndpointFilter<AdminKeyEndpointFilter>();
        return endpoints;
    }

    private static async Task<IResult> GetTwinAsync(string id, DeviceTwinLocator locator)
    {
        var located = await locator.FindAsync(id);
        return located is null ? TwinNotFound(id) : TypedResults.Ok(located.Snapshot);
    }

    private static async Task<IResult> GetDistrictAsync(string id, ProvinceMap map, Runtime.IGrainFactory grains)
    {
        if (map.FindDistrict(id) is not { } district)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "District not found",
                detail: $"'{id}' is not a district of {map.Name}. Districts: {string.Join(", ", map.Districts.Select(d => d.Id))}.");
        }

        var rollup = await grains.GetGrain<IDistrictTwin>(district.Id).GetRollup();
        return TypedResults.Ok(new DistrictResponse(district.Id, district.Name, map.Id, map.Name, rollup));
    }

    private static async Task<IResult> PostTelemetryAsync(
        string id,
        HttpRequest request,
        DeviceTwinLocator locator,
        IOptions<TwinOptions> twinOptions,
        TimeProvider clock)
    {
        // Read whole (requests are small; Kestrel caps the body size) and parsed by the same reader as MQTT payloads.
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);

        var now = clock.GetUtcNow();
        var batch = TelemetryPayload.Parse(new ReadOnlySequence<byte>(body.GetBuffer(), 0, (int)body.Length), now, twinOptions.Value.MaxClockSkew, out var error);
        if (batch is null)
        {
            return BadTelemetry(error!);
        }

        var located = await locator.FindAsync(id);
        if (located is null)
        {
            return TwinNotFound(id);
        }

        await located.Twin.ReportTelemetry(batch);
        return TypedResults.Accepted(
            $"/api/v1/twins/{Uri.EscapeDataString(id)}",
            new TelemetryAccepted(id, located.Snapshot.Kind, batch.Points.Count));
    }

    private static async Task<IResult> ProvisionTwinAsync(string id, ProvisionTwinRequest? body, DeviceTwinLocator locator, Runtime.IGrainFactory grains)
    {
        if (!IsValidDeviceId(id))
        {
            return BadRequest("Invalid device id", "A device id is 1–128 characters of letters, digits, '-', '_' and '.', and does not start with '.'.");
        }

        if (body?.Kind is null || !DeviceKindNames.TryParse(body.Kind, out var kind))
        {
            return BadRequest("Invalid provisioning", $"\"kind\" is one of {string.Join(", ", DeviceKindNames.All)}.");
        }

        if (string.IsNullOrWhiteSpace(body.Name) || body.Location?.Lon is not { } lon || body.Location.Lat is not { } lat)
        {
            return BadRequest("Invalid provisioning", "\"name\" and \"location\": {\"lon\": ..., \"lat\": ...} are required.");
        }

        var location = new GeoPoint(lon, lat);
        if (!location.IsValid)
        {
            return BadRequest("Invalid provisioning", "\"location\" must have -180 ≤ lon ≤ 180 and -90 ≤ lat ≤ 90.");
        }

        if (await locator.FindAsync(id) is { } existing && existing.Snapshot.Kind != kind)
        {
            return KindConflict(id, existing.Snapshot.Kind, kind);
        }

        DeviceRegistration registration;
        try
        {
            registration = await grains.GetGrain<IDeviceCredentials>(id).Register(kind);
        }
        catch (DeviceKindConflictException)
        {
            var registered = await grains.GetGrain<IDeviceCredentials>(id).GetKind();
            return KindConflict(id, registered ?? kind, kind);
        }

        DeviceTwinSnapshot snapshot;
        try
        {
            snapshot = await grains.GetDeviceTwin(kind, id).Provision(new DeviceProvisioning(body.Name.Trim(), location, body.Attributes));
        }
        catch (ArgumentException e)
        {
            return BadRequest("Invalid provisioning", e.Message);
        }

        var resource = $"/api/v1/twins/{Uri.EscapeDataString(id)}";
        if (registration.Secret is { } secret)
        {
            var credentials = new DeviceCredentialsResponse(id, secret, AccessToken.Create(id, secret));
            return TypedResults.Created(resource, new ProvisionedTwinResponse(snapshot, credentials));
        }

        return TypedResults.Ok(new ProvisionedTwinResponse(snapshot, null));
    }

    private static async Task<IResult> SendCommandAsync(string id, SendCommandRequest? body, DeviceTwinLocator locator, DeviceCommandDispatcher commands, HttpContext http)
    {
        if (body?.Name is not { Length: > 0 and <= 64 } name || name.AsSpan().IndexOfAny("/+#") >= 0)
        {
            return BadRequest("Invalid command", "\"name\" is 1–64 characters without '/', '+' or '#', e.g. \"reboot\".");
        }

        var timeout = TimeSpan.FromSeconds(body.TimeoutSeconds ?? 10);
        if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromMinutes(5))
        {
            return BadRequest("Invalid command", "\"timeoutSeconds\" is more than 0 and at most 300.");
        }

        if (await locator.FindAsync(id) is not { } located)
        {
            return TwinNotFound(id);
        }

        var payload = body.Payload ?? EmptyCommandPayload;
        var outcome = await commands.SendAsync(located.Snapshot.Kind, id, name, payload, timeout, http.RequestAborted);
        return outcome.Status switch
        {
            DeviceCommandStatus.Replied => ReplyOf(outcome),
            DeviceCommandStatus.NotSubscribed => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Device not listening for commands",
                detail: $"No MQTT session of '{id}' is subscribed to its command topic, so the command was not sent."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status504GatewayTimeout,
                title: "No reply from the device",
                detail: $"Command '{name}' (request {outcome.RequestId}) was delivered but '{id}' did not reply within {timeout.TotalSeconds:0.#} s."),
        };
    }

    /// <summary>The device's reply as it sent it: JSON when it is JSON, text otherwise.</summary>
    private static IResult ReplyOf(DeviceCommandOutcome outcome)
    {
        var reader = new Utf8JsonReader(outcome.Reply.Span);
        var isJson = JsonDocument.TryParseValue(ref reader, out var document);
        document?.Dispose();
        return TypedResults.Bytes(outcome.Reply.ToArray(), isJson ? "application/json" : "text/plain; charset=utf-8");
    }

    private static bool IsValidDeviceId(string id) =>
        id.Length is > 0 and <= 128 && id[0] != '.' && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    private static ProblemHttpResult KindConflict(string id, DeviceKind registered, DeviceKind requested) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Device id taken by another kind",
        detail: $"'{id}' is already a {registered.ToName()}; it cannot also be a {requested.ToName()}.");

    private static ProblemHttpResult TwinNotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Twin not found",
        detail: $"No device twin '{id}' has been provisioned or heard from.");

    private static ProblemHttpResult BadTelemetry(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid telemetry",
        detail: detail);
}
