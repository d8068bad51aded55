using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Api.Twins;
using SmartCity.Twin.Gateways.Devices.Payloads;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Api.Devices;

/// <summary>
/// HTTP for devices that cannot speak MQTT: the same payloads as on <c>city/v1/{kind}/{id}/telemetry|events|state</c>,
/// parsed by the same code, with the device's own credential (see <see cref="DeviceCredentialFilter"/>).
/// </summary>
internal static class DeviceIngestionApi
{
    /// <summary>A day of one-minute readings of a dozen metrics in one batch fits; more is not one device's message.</summary>
    public const int MaxBody = 256 * 1024;

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };

    public static RouteGroupBuilder MapDeviceIngestion(this RouteGroupBuilder api)
    {
        var device = api.MapGroup("/twins/{id}")
            .AllowAnonymous()
            .AddEndpointFilter<DeviceCredentialFilter>()
            .WithTags("Device ingestion")
            .WithDescription(
                "Authenticate as the device itself, with the credentials issued when it was provisioned: "
                + "`Authorization: Basic base64(id:secret)` or `X-Device-Token: {accessToken}`. A credential of another device is refused (403). "
                + "An API key (`X-Api-Key`) with the `write:telemetry` scope (gateways, simulators) or `admin` (operators backfilling data) "
                + "is accepted too, for twins that exist; a key or sign-in without either scope is refused (403). Bodies up to 256 KiB.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        device.MapPost("/telemetry", PostTelemetryAsync)
            .WithName("PostDeviceTelemetry")
            .WithSummary("Telemetry from a device over HTTP: {\"ts\": ..., \"values\": {\"pm2_5\": 41.2}}, the flat form, or an array of either")
            .Accepts<JsonElement>("application/json")
            .Produces<TelemetryAccepted>(StatusCodes.Status202Accepted);
        device.MapPost("/events", PostEventAsync)
            .WithName("PostDeviceEvent")
            .WithSummary("An event from a device over HTTP: {\"type\": \"intrusion\", \"zone\": \"gate\"}, as on its MQTT events topic")
            .Accepts<JsonElement>("application/json")
            .Produces<EventAccepted>(StatusCodes.Status202Accepted);
        device.MapPost("/state", PostStateAsync)
            .WithName("PostDeviceState")
            .WithSummary("Properties a device reports about itself over HTTP: {\"firmware\": \"2.4.1\", \"interval_s\": 60}")
            .Accepts<JsonElement>("application/json")
            .Produces<PropertiesAccepted>(StatusCodes.Status202Accepted);
        return api;
    }

    private static async Task<IResult> PostTelemetryAsync(
        string id,
        HttpContext http,
        DeviceTwinLocator locator,
        IGrainFactory grains,
        IOptions<TwinOptions> twinOptions,
        TimeProvider clock)
    {
        if (await DeviceRequestBody.ReadAsync(http.Request, MaxBody) is not { } body)
        {
            return DeviceProblems.BodyTooLarge(MaxBody);
        }

        var batch = TelemetryPayload.Parse(new ReadOnlySequence<byte>(body), clock.GetUtcNow(), twinOptions.Value.MaxClockSkew, out var error);
        if (batch is null)
        {
            return TwinProblems.BadRequest("Invalid telemetry", error!);
        }

        if (await TwinOfAsync(id, http, locator, grains) is not { } target)
        {
            return TwinProblems.TwinNotFound(id);
        }

        var (twin, kind) = target;

        return await AcceptedAsync(twin.ReportTelemetry(batch), id, new TelemetryAccepted(id, kind, batch.Points.Count));
    }

    private static async Task<IResult> PostEventAsync(
        string id,
        HttpContext http,
        DeviceTwinLocator locator,
        IGrainFactory grains,
        IOptions<TwinOptions> twinOptions,
        TimeProvider clock)
    {
        if (await DeviceRequestBody.ReadAsync(http.Request, MaxBody) is not { } body)
        {
            return DeviceProblems.BodyTooLarge(MaxBody);
        }

        if (!TryParse(body, "Invalid event", out var document, out var problem))
        {
            return problem;
        }

        using (document)
        {
            if (await TwinOfAsync(id, http, locator, grains) is not { } target)
            {
                return TwinProblems.TwinNotFound(id);
            }

            var kind = target.Kind;

            var root = document.RootElement;
            var call = DeviceEventPayload.Dispatch(grains, kind, id, root, clock.GetUtcNow(), twinOptions.Value.MaxClockSkew, out var error);
            if (call is null)
            {
                return TwinProblems.BadRequest("Invalid event", error!);
            }

            return await AcceptedAsync(call, id, new EventAccepted(id, kind, root.GetProperty("type").GetString()!));
        }
    }

    private static async Task<IResult> PostStateAsync(string id, HttpContext http, DeviceTwinLocator locator, IGrainFactory grains)
    {
        if (await DeviceRequestBody.ReadAsync(http.Request, MaxBody) is not { } body)
        {
            return DeviceProblems.BodyTooLarge(MaxBody);
        }

        if (!TryParse(body, "Invalid reported properties", out var document, out var problem))
        {
            return problem;
        }

        IReadOnlyDictionary<string, string?>? properties;
        string? error;
        using (document)
        {
            properties = PropertiesPayload.Parse(document.RootElement, out error);
        }

        if (properties is null)
        {
            return TwinProblems.BadRequest("Invalid reported properties", error!);
        }

        if (await TwinOfAsync(id, http, locator, grains) is not { } target)
        {
            return TwinProblems.TwinNotFound(id);
        }

        var (twin, kind) = target;

        return await AcceptedAsync(twin.ReportProperties(properties), id, new PropertiesAccepted(id, kind, properties.Count));
    }

    /// <summary>
    /// A device's own credential names its kind, and its twin takes the message even before it is provisioned (as over
    /// MQTT); a gateway or an operator with an API key reaches only a twin that exists.
    /// </summary>
    private static async Task<(IDeviceTwin Twin, DeviceKind Kind)?> TwinOfAsync(string id, HttpContext http, DeviceTwinLocator locator, IGrainFactory grains)
    {
        if (AuthenticatedDevice.Of(http) is { } device)
        {
            return (grains.GetDeviceTwin(device.Kind, id), device.Kind);
        }

        return await locator.FindAsync(id) is { } located ? (located.Twin, located.Snapshot.Kind) : null;
    }

    private static async Task<IResult> AcceptedAsync<T>(Task call, string id, T accepted)
    {
        try
        {
            await call;
        }
        catch (ArgumentException e)
        {
            return DeviceProblems.TwinRefused(e.Message);
        }

        return TypedResults.Accepted($"/api/v1/twins/{Uri.EscapeDataString(id)}", accepted);
    }

    private static bool TryParse(ReadOnlyMemory<byte> body, string title, out JsonDocument document, out IResult problem)
    {
        try
        {
            document = JsonDocument.Parse(body, JsonOptions);
            problem = null!;
            return true;
        }
        catch (JsonException e)
        {
            document = null!;
            problem = DeviceProblems.InvalidJson(title, $"The body is not valid JSON: {e.Message}");
            return false;
        }
    }
}
