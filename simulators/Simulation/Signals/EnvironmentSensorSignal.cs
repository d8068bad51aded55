using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulation.Signals;

/// <summary>An air-quality station reporting every minute (<see cref="AirQualityModel"/> plus per-station bias and sensor noise).</summary>
internal sealed class EnvironmentSensorSignal : DeviceSignal
{
    private readonly double siteFactor;
    private readonly double coarseRatio;
    private DateTimeOffset next;

    public EnvironmentSensorSignal(SimulatedDevice device, SignalContext context, DeviceFault? fault)
        : base(device, context, fault)
    {
        // Stations differ: one stands by a main road, another in a park.
        siteFactor = Math.Clamp(Random.Gaussian(1, 0.12), 0.7, 1.4);
        coarseRatio = Random.Between(1.5, 2.0);
    }

    protected override string Model => "AQM-65";

    protected override TimeSpan ReportingInterval => TimeSpan.FromSeconds(60);

    protected override DateTimeOffset Begin(DateTimeOffset at, List<DeviceMessage> output)
    {
        Report(at, Readings(at), output);
        next = FirstReportAfter(at);
        return next;
    }

    protected override DateTimeOffset Continue(DateTimeOffset at, List<DeviceMessage> output)
    {
        Report(at, Readings(at), output);
        next += ReportingInterval;
        return next;
    }

    private Dictionary<string, double> Readings(DateTimeOffset at)
    {
        var pm25 = AirQualityModel.Pm25(at, InCity, Northern, Context.Options.Pm25Replay?.At(at)) * siteFactor * Noise(0.08);
        return new Dictionary<string, double>(9, StringComparer.Ordinal)
        {
            [PollutantMetrics.Pm25] = Math.Round(pm25, 1),
            [PollutantMetrics.Pm10] = Math.Round(pm25 * coarseRatio * Noise(0.06), 1),
            [PollutantMetrics.No2] = Math.Round(AirQualityModel.No2(at, InCity) * siteFactor * Noise(0.1), 1),
            [PollutantMetrics.O3] = Math.Round(AirQualityModel.O3(at, Northern) * Noise(0.1), 1),
            [PollutantMetrics.So2] = Math.Round(AirQualityModel.So2(at, InCity) * Noise(0.12), 1),
            [PollutantMetrics.Co] = Math.Round(AirQualityModel.Co(at, InCity) * siteFactor * Noise(0.1), 0),
            ["temperature"] = Math.Round(AirQualityModel.Temperature(at, Northern) + Random.Gaussian(0, 0.3), 1),
            ["humidity"] = Math.Round(AirQualityModel.Humidity(at, Northern) + Random.Gaussian(0, 1.5), 1),
            ["noise_db"] = Math.Round(AirQualityModel.Noise(at, InCity) + Random.Gaussian(0, 2.5), 1),
        };
    }

    // Multiplicative noise: a sensor's error grows with the concentration.
    private double Noise(double deviation) => Math.Max(0.05, 1 + Random.Gaussian(0, deviation));
}
