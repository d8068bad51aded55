using System.Text.Json;

namespace SmartCity.Twin.Api.Devices;

/// <summary>The body of <c>POST /api/v1/twins/{id}/commands</c>: <c>{"name": "reboot", "payload": {...}, "timeoutSeconds": 10}</c>.</summary>
internal sealed record SendCommandRequest(string? Name, JsonElement? Payload, double? TimeoutSeconds);
