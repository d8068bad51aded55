using SmartCity.Twin.Grains.Warnings;
using SmartCity.Twin.Grains.Warnings.Traffic;

namespace SmartCity.Twin.Grains.Tests.Warnings.Traffic;

public sealed class CongestionTests
{
    private static readonly TrafficWarningOptions Options = new();

    // Monday 2026-01-05 17:30 and Saturday 2026-01-10 17:30 in Vietnam.
    private static readonly DateTimeOffset MondayRush = new(2026, 1, 5, 17, 30, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset SaturdayEvening = new(2026, 1, 10, 17, 30, 0, TimeSpan.FromHours(7));

    private static TrafficBaseline Learnt(DateTimeOffset at, double queue, double speed, int readings = 120)
    {
        var baseline = new TrafficBaseline();
        for (var i = 0; i < readings; i++)
        {
            baseline.Learn(at, queue, speed, Options.BaselineMemoryReadings);
        }

        return baseline;
    }

    [Fact]
    public void A_gridlock_of_150_vehicles_at_3_kmh_is_congestion_even_before_anything_is_learnt()
    {
        Assert.True(Congestion.Holds(150, 3, MondayRush, null, Options));
        Assert.True(Congestion.Holds(150, 3, MondayRush, new TrafficBaseline(), Options));
    }

    [Fact]
    public void A_saturated_city_junction_in_its_usual_evening_rush_is_not_congestion()
    {
        var baseline = Learnt(MondayRush, 62, 8);

        Assert.False(Congestion.Holds(70, 6.5, MondayRush, baseline, Options));
        Assert.False(Congestion.Holds(95, 4, MondayRush, null, Options));
    }

    [Fact]
    public void A_small_junction_with_twice_its_usual_queue_at_half_its_usual_speed_is_congested()
    {
        var baseline = Learnt(MondayRush, 18, 30);

        Assert.True(Congestion.Holds(45, 12, MondayRush, baseline, Options));
        Assert.False(Congestion.Holds(45, 20, MondayRush, baseline, Options));
        Assert.False(Congestion.Holds(30, 12, MondayRush, baseline, Options));
    }

    [Fact]
    public void Weekends_have_their_own_baseline()
    {
        var baseline = Learnt(MondayRush, 62, 8);

        Assert.False(Congestion.Holds(45, 12, SaturdayEvening, baseline, Options));
        Assert.False(baseline.TryGetUsual(SaturdayEvening, Options.BaselineMinReadings, out _, out _));
    }

    [Fact]
    public void A_quiet_night_going_from_2_to_6_vehicles_is_not_congestion()
    {
        var night = MondayRush.AddHours(-15);
        var baseline = Learnt(night, 2, 45);

        Assert.False(Congestion.Holds(6, 10, night, baseline, Options));
    }

    [Fact]
    public void A_slot_learnt_from_fewer_readings_than_required_does_not_count()
    {
        var baseline = Learnt(MondayRush, 18, 30, readings: Options.BaselineMinReadings - 1);

        Assert.False(Congestion.Holds(45, 12, MondayRush, baseline, Options));
    }

    [Fact]
    public void The_message_tells_operators_the_queue_the_speed_and_what_is_usual()
    {
        var baseline = Learnt(MondayRush, 18, 30);

        Assert.Equal("Ùn tắc từ 17:30: hàng chờ 45 xe, tốc độ 12,5 km/h (thường giờ này 18 xe, 30 km/h)", Congestion.Message(45, 12.5, MondayRush, baseline, Options));
    }
}
