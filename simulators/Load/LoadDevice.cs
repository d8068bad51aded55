using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Simulators.Load;

/// <summary>One environment sensor of a load run: its twin id, the district it stands in, and its telemetry topic.</summary>
internal sealed record LoadDevice(string Id, string DistrictId, GeoPoint Location)
{
    public const string Kind = "environment-sensor";

    public string TelemetryTopic => $"city/v1/{Kind}/{Id}/telemetry";
}
