namespace SmartCity.Twin.Api.Devices;

/// <summary>The 200 of <c>PUT /api/v1/twins/{id}/desired</c>: the twin's desired set after the update, how it went out, and what the device still has to apply.</summary>
/// <param name="Pending">Desired keys whose reported value differs; empty once the device reports them back on its <c>state</c> topic.</param>
internal sealed record DesiredPropertiesUpdated(
    string Id,
    long Version,
    IReadOnlyDictionary<string, string> Desired,
    DesiredDeliveryResult Delivery,
    IReadOnlyList<string> Pending);
