namespace SmartCity.Twin.Api.Kpis;

/// <summary>The KPIs of the province or one district over a range.</summary>
/// <param name="Level"><c>province</c> or <c>district</c>.</param>
/// <param name="ActiveWarnings">Devices with each warning type active now, by type.</param>
internal sealed record AreaKpis(
    string Id,
    string Name,
    string Level,
    DeviceKpis Devices,
    IReadOnlyDictionary<string, int> ActiveWarnings,
    AlertKpis Alerts,
    AirQualityKpis AirQuality,
    ServiceCounterKpis ServiceCounters,
    TrafficViolationKpis TrafficViolations);
