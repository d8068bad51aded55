using SmartCity.Twin.Grains.AirQuality;

namespace SmartCity.Twin.Grains.Rollups;

/// <summary>What an environment sensor adds to the air-quality roll-up: its current hourly VN_AQI.</summary>
public sealed record AirQualityContribution(int Index, AirQualityBand Band, AirPollutant DominantPollutant, DateTimeOffset Hour);
