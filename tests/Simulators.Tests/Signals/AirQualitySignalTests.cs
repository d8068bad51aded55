using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Simulation.Messages;

namespace SmartCity.Twin.Simulators.Tests.Signals;

public sealed class AirQualitySignalTests
{
    private static readonly List<DeviceMessage> Week =
        SimulatedDays.Run(DeviceKind.EnvironmentSensor, SimulatedDays.Monday, TimeSpan.FromDays(7));

    [Fact]
    public void Pm25_is_higher_in_the_morning_rush_than_before_dawn_over_a_week()
    {
        var rush = Week.Between(7, 9).Readings(PollutantMetrics.Pm25).Average();
        var dawn = Week.Between(2, 4).Readings(PollutantMetrics.Pm25).Average();

        Assert.True(rush > dawn * 1.1, $"07–09 h {rush:F1} µg/m³, 02–04 h {dawn:F1} µg/m³");
    }

    [Fact]
    public void Pm25_peaks_again_in_the_evening_rush_and_dips_in_the_early_afternoon()
    {
        var evening = Week.Between(17, 19).Readings(PollutantMetrics.Pm25).Average();
        var afternoon = Week.Between(13, 15).Readings(PollutantMetrics.Pm25).Average();

        Assert.True(evening > afternoon * 1.1, $"17–19 h {evening:F1}, 13–15 h {afternoon:F1}");
    }

    [Fact]
    public void The_provincial_capital_is_more_polluted_than_rural_districts()
    {
        var city = Week.Where(m => m.Device.DistrictId == "thai-binh").Readings(PollutantMetrics.Pm25).Average();
        var rural = Week.Where(m => m.Device.DistrictId != "thai-binh").Readings(PollutantMetrics.Pm25).Average();

        Assert.True(city > rural, $"city {city:F1}, rural {rural:F1}");
    }

    [Fact]
    public void Northern_winter_is_hazier_than_the_summer_rains()
    {
        var january = SimulatedDays.Run(DeviceKind.EnvironmentSensor, SimulatedDays.Monday.AddMonths(-2), TimeSpan.FromDays(1)).Readings(PollutantMetrics.Pm25).Average();
        var july = SimulatedDays.Run(DeviceKind.EnvironmentSensor, SimulatedDays.Monday.AddMonths(4), TimeSpan.FromDays(1)).Readings(PollutantMetrics.Pm25).Average();

        Assert.True(january > july * 1.8, $"January {january:F1}, July {july:F1}");
    }

    [Fact]
    public void Pm10_is_one_and_a_half_to_twice_pm25()
    {
        var ratios = Week.Where(m => m.Kind == DeviceMessageKind.Telemetry)
            .Select(m => m.Values![PollutantMetrics.Pm10] / m.Values[PollutantMetrics.Pm25])
            .Order()
            .ToList();

        Assert.InRange(ratios[ratios.Count / 2], 1.5, 2.0);
    }

    [Fact]
    public void Ozone_peaks_in_the_early_afternoon_and_no2_in_the_rush_hours()
    {
        Assert.True(Week.Between(12, 15).Readings(PollutantMetrics.O3).Average() > 2 * Week.Between(6, 9).Readings(PollutantMetrics.O3).Average());
        Assert.True(Week.Between(17, 19).Readings(PollutantMetrics.No2).Average() > 2 * Week.Between(1, 4).Readings(PollutantMetrics.No2).Average());
    }

    [Fact]
    public void Afternoons_are_warmer_and_drier_than_nights()
    {
        var afternoon = Week.Between(14, 16).ToList();
        var night = Week.Between(4, 6).ToList();

        Assert.True(afternoon.Readings("temperature").Average() > night.Readings("temperature").Average() + 4);
        Assert.True(afternoon.Readings("humidity").Average() < night.Readings("humidity").Average() - 10);
    }

    [Fact]
    public void Streets_are_louder_in_the_rush_hour_than_at_night()
    {
        Assert.True(Week.Between(17, 19).Readings("noise_db").Average() > Week.Between(1, 4).Readings("noise_db").Average() + 10);
    }

    [Fact]
    public void Readings_are_noisy_not_a_smooth_curve()
    {
        var station = Week.Where(m => m.Device.Id == "tb-aq-01").Readings(PollutantMetrics.Pm25).Take(60).ToList();

        Assert.True(station.Distinct().Count() > 40, "consecutive readings differ");
    }
}
