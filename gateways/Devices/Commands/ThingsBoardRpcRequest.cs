using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartCity.Twin.Gateways.Devices.Commands;

/// <summary>The body of a ThingsBoard server-side RPC request, as existing firmware expects it.</summary>
internal sealed record ThingsBoardRpcRequest(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("params")] JsonElement Params);
