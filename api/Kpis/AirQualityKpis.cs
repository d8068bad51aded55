using SmartCity.Twin.Grains.AirQuality;

namespace SmartCity.Twin.Api.Kpis;

/// <summary>The area's VN_AQI over the range, as its worst sensor saw it at each sample.</summary>
/// <param name="AverageAqi">Mean of the samples; <c>null</c> when no sensor had an index.</param>
/// <param name="WorstAqi">Highest sample.</param>
/// <param name="HoursByBand">Every band, in order, with the hours the area spent in it.</param>
internal sealed record AirQualityKpis(double? AverageAqi, int? WorstAqi, AirQualityBand? WorstBand, IReadOnlyList<AirQualityBandHours> HoursByBand);
