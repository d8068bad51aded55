using System.Text.Json.Serialization;

namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>The body of <c>POST /api/v1/twins/{id}/commands</c>.</summary>
internal sealed record CommandRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("payload")] object Payload,
    [property: JsonPropertyName("timeoutSeconds")] int TimeoutSeconds);
