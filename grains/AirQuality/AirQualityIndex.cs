namespace SmartCity.Twin.Grains.AirQuality;

/// <summary>
/// An hourly VN_AQI: the worst of the pollutant sub-indices, for the clock hour starting at <see cref="Hour"/>.
/// <see cref="SubIndices"/> holds every pollutant that had enough data that hour.
/// </summary>
public sealed record AirQualityIndex(
    int Value,
    AirQualityBand Band,
    AirPollutant DominantPollutant,
    DateTimeOffset Hour,
    IReadOnlyDictionary<AirPollutant, int> SubIndices);
