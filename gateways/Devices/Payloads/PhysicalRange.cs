using SmartCity.Twin.Grains.AirQuality;

namespace SmartCity.Twin.Gateways.Devices.Payloads;

/// <summary>
/// Values no working sensor can report. They come from a broken sensor or a bad firmware build, and must not reach a
/// twin where they would raise false pollution or fire warnings; other metrics are not range-checked.
/// </summary>
internal static class PhysicalRange
{
    /// <summary>A fire can exceed 1000 °C at the seat, but a detector stops working well before that.</summary>
    private const double MaxTemperature = 1000;

    /// <summary>Below the coldest temperature ever measured on Earth.</summary>
    private const double MinTemperature = -90;

    /// <returns><c>null</c> when plausible; otherwise why not.</returns>
    public static string? Check(string metric, double value)
    {
        switch (metric)
        {
            case PollutantMetrics.Pm25 or "pm25" or PollutantMetrics.Pm10 or "pm1" or PollutantMetrics.O3 or PollutantMetrics.No2
                or PollutantMetrics.So2 or PollutantMetrics.Co or "smoke" or "people_count" or "queue_length" or "vehicles"
                or "violations" or "tickets_served" or "applications_overdue" or "speed" or "noise_db":
                return value < 0 ? $"'{metric}' cannot be negative (got {value})." : null;
            case "temperature":
                return value is < MinTemperature or > MaxTemperature
                    ? $"'temperature' {value} °C is outside what a sensor can measure ({MinTemperature} to {MaxTemperature} °C)."
                    : null;
            case "humidity":
                return value is < 0 or > 100 ? $"'humidity' is a percentage, 0 to 100 (got {value})." : null;
            default:
                return null;
        }
    }
}
