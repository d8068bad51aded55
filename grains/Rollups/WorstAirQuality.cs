using SmartCity.Twin.Grains.AirQuality;

namespace SmartCity.Twin.Grains.Rollups;

/// <summary>The highest current VN_AQI in an area and the sensor reporting it (ties: the sensor whose id sorts first).</summary>
public sealed record WorstAirQuality(string DeviceId, string? DistrictId, int Index, AirQualityBand Band, AirPollutant DominantPollutant, DateTimeOffset Hour)
{
    internal bool IsWorseThan(WorstAirQuality? other) =>
        other is null
        || Index > other.Index
        || (Index == other.Index && string.CompareOrdinal(DeviceId, other.DeviceId) < 0);
}
