using SmartCity.Twin.Grains.AirQuality;

namespace SmartCity.Twin.Api.Kpis;

/// <param name="Name">The band's Vietnamese name, e.g. <c>Trung bình</c>.</param>
internal sealed record AirQualityBandHours(AirQualityBand Band, string Name, double Hours);
