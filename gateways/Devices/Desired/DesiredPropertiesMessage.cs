using System.Text.Json.Serialization;

namespace SmartCity.Twin.Gateways.Devices.Desired;

/// <summary>
/// What a device finds on <c>city/v1/{kind}/{id}/cmd/desired</c>: the whole desired configuration and its version, so a
/// device that missed updates (or connects for the first time) needs only the last message, and can tell a newer one.
/// </summary>
internal sealed record DesiredPropertiesMessage(
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("desired")] IReadOnlyDictionary<string, string> Desired);
