namespace SmartCity.Twin.Api.Twins;

/// <summary>The body of <c>PUT /api/v1/twins/{id}</c>: <c>{"kind": "...", "name": "...", "location": {"lon": 106.34, "lat": 20.45}}</c>.</summary>
internal sealed record ProvisionTwinRequest(string? Kind, string? Name, ProvisionLocation? Location, Dictionary<string, string>? Attributes);
