using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Api.Security;
using SmartCity.Twin.Api.Twins;
using SmartCity.Twin.Gateways.Devices.Commands;
using SmartCity.Twin.Gateways.Devices.Payloads;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Grains.Hosting;

namespace SmartCity.Twin.Api.Devices;

/// <summary>What goes to and comes from devices through the API: commands, telemetry over HTTP, the MQTT gateway's status.</summary>
internal static class DevicesApi
{
    /// <summary>What a command without a payload sends: <c>{}</c>, parsed once.</summary>
    private static readonly JsonElement EmptyCommandPayload = JsonDocument.Parse("{}").RootElement.Clone();

    public static IServiceCollection AddDevicesApi(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1");
        api.MapPost("/twins/{id}/commands", SendCommandAsync).RequireAuthorization(ApiPolicies.WriteCommands);
        api.MapGet("/gateways/mqtt", (IMqttBroker broker) => TypedResults.Ok(new MqttEndpointStatus(broker.ConnectedClients, broker.Metrics)))
            .RequireAuthorization(ApiPolicies.Admin);
        api.MapPost("/twins/{id}/telemetry", PostTelemetryAsync).RequireAuthorization(ApiPolicies.Admin);
        return endpoints;
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
            return TwinProblems.TwinNotFound(id);
        }

        await located.Twin.ReportTelemetry(batch);
        return TypedResults.Accepted(
            $"/api/v1/twins/{Uri.EscapeDataString(id)}",
            new TelemetryAccepted(id, located.Snapshot.Kind, batch.Points.Count));
    }

    private static async Task<IResult> SendCommandAsync(string id, SendCommandRequest? body, DeviceTwinLocator locator, DeviceCommandDispatcher commands, HttpContext http)
    {
        if (body?.Name is not { Length: > 0 and <= 64 } name || name.AsSpan().IndexOfAny("/+#") >= 0)
        {
            return TwinProblems.BadRequest("Invalid command", "\"name\" is 1–64 characters without '/', '+' or '#', e.g. \"reboot\".");
        }

        var timeout = TimeSpan.FromSeconds(body.TimeoutSeconds ?? 10);
        if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromMinutes(5))
        {
            return TwinProblems.BadRequest("Invalid command", "\"timeoutSeconds\" is more than 0 and at most 300.");
        }

        if (await locator.FindAsync(id) is not { } located)
        {
            return TwinProblems.TwinNotFound(id);
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

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult BadTelemetry(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid telemetry",
        detail: detail);
}
