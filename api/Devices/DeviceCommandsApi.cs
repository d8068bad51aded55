using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartCity.Twin.Api.Security;
using SmartCity.Twin.Api.Twins;
using SmartCity.Twin.Gateways.Devices.Commands;
using SmartCity.Twin.Gateways.Devices.Desired;

namespace SmartCity.Twin.Api.Devices;

/// <summary>
/// Commands to a device over MQTT, answered with the device's own reply, or a problem saying why there is none: not
/// listening (409), no reply in time (504).
/// </summary>
internal static class DeviceCommandsApi
{
    private const int MaxBody = 64 * 1024;

    /// <summary>What a command without a payload sends: <c>{}</c>, parsed once.</summary>
    private static readonly JsonElement EmptyCommandPayload = JsonDocument.Parse("{}").RootElement.Clone();

    public static RouteGroupBuilder MapDeviceCommands(this RouteGroupBuilder api)
    {
        api.MapPost("/twins/{id}/commands", SendAsync)
            .RequireAuthorization(ApiPolicies.WriteCommands)
            .WithName("SendDeviceCommand")
            .WithSummary("Send a command to a device over MQTT and wait for its reply (the reply is returned as the device sent it)")
            .WithTags("Devices")
            .Accepts<SendCommandRequest>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        return api;
    }

    private static async Task<IResult> SendAsync(string id, HttpContext http, DeviceTwinLocator locator, DeviceCommandDispatcher commands)
    {
        if (await DeviceRequestBody.ReadAsync(http.Request, MaxBody) is not { } raw)
        {
            return DeviceProblems.BodyTooLarge(MaxBody);
        }

        SendCommandRequest? body;
        try
        {
            body = JsonSerializer.Deserialize<SendCommandRequest>(raw.Span, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            return DeviceProblems.InvalidJson(
                "Invalid command",
                $"The body is {{\"name\": \"reboot\", \"payload\": {{...}}, \"timeoutSeconds\": 10}}: {e.Message}");
        }

        if (body?.Name is not { Length: > 0 and <= 64 } name || name.AsSpan().IndexOfAny("/+#") >= 0 || name.AsSpan().ContainsAnyInRange('\0', '\u001f'))
        {
            return TwinProblems.BadRequest("Invalid command", "\"name\" is 1–64 characters without '/', '+', '#' or control characters, e.g. \"reboot\".");
        }

        if (name == DesiredPropertiesPublisher.CommandName)
        {
            return TwinProblems.BadRequest(
                "Invalid command",
                $"\"{name}\" is where desired properties go: set them with PUT /api/v1/twins/{{id}}/desired.");
        }

        var timeout = TimeSpan.FromSeconds(body.TimeoutSeconds ?? 10);
        if (!(body.TimeoutSeconds is null or (> 0 and <= 300)))
        {
            return TwinProblems.BadRequest("Invalid command", "\"timeoutSeconds\" is more than 0 and at most 300.");
        }

        if (await locator.FindAsync(id) is not { } located)
        {
            return TwinProblems.TwinNotFound(id);
        }

        var payload = body.Payload is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } given ? given : EmptyCommandPayload;
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
}
