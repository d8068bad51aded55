using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Running;
using SmartCity.Twin.Simulation.Signals;

namespace SmartCity.Twin.Simulators.Tests.Signals;

public sealed class HourlyReadingsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("hourly-readings-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Loads_a_series_and_reads_between_hours_linearly()
    {
        var readings = HourlyReadings.Load(Write("timestamp,value\n2025-01-06T00:00:00+07:00,40\n2025-01-06T01:00:00+07:00,60\n\n2025-01-06T02:00:00Z,10\n"));

        Assert.Equal(3, readings.Count);
        Assert.Equal(40, readings.At(new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.FromHours(7))));
        Assert.Equal(50, readings.At(new DateTimeOffset(2025, 1, 6, 0, 30, 0, TimeSpan.FromHours(7))), 6);
        Assert.Equal(10, readings.At(new DateTimeOffset(2025, 1, 6, 2, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Timestamps_without_an_offset_are_Vietnam_time_and_missing_values_are_skipped()
    {
        var readings = HourlyReadings.Load(Write("Date (LT),PM2.5\n2025-01-06 07:00,35\n2025-01-06 08:00,NA\n2025-01-06 09:00,\n2025-01-06 10:00,41.5\n"));

        Assert.Equal(2, readings.Count);
        Assert.Equal(new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero), readings.First);
    }

    [Theory]
    [InlineData("timestamp,value\n2025-01-06T00:00:00Z,12\nyesterday,13\n", "line 3", "'yesterday' is not an ISO 8601 timestamp")]
    [InlineData("timestamp,value\n2025-01-06T00:00:00Z,twelve\n", "line 2", "'twelve' is not a number")]
    [InlineData("timestamp,value\n2025-01-06T00:00:00Z,-3\n", "line 2", "negative")]
    [InlineData("timestamp,value\n2025-01-06T01:00:00Z,3\n2025-01-06T00:00:00Z,4\n", "line 3", "not after the previous reading")]
    [InlineData("timestamp,value\n2025-01-06T01:00:00Z 3\n", "line 2", "expected 'timestamp,value'")]
    [InlineData("timestamp,value\n", "no readings", "")]
    public void A_bad_file_is_refused_naming_the_file_and_the_line(string content, string where, string why)
    {
        var path = Write(content);

        var error = Assert.Throws<InvalidDataException>(() => HourlyReadings.Load(path));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_name()
    {
        var path = Path.Combine(directory, "nope.csv");

        var error = Assert.Throws<InvalidDataException>(() => HourlyReadings.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_its_span_a_week_long_series_repeats_by_whole_weeks_keeping_hour_and_weekday()
    {
        var monday = new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.FromHours(7));
        var lines = Enumerable.Range(0, 24 * 10).Select(h => $"{monday.AddHours(h):O},{h}");
        var readings = HourlyReadings.Load(Write("timestamp,value\n" + string.Join('\n', lines)));

        Assert.Equal(3 + 24, readings.At(monday.AddDays(14 + 1).AddHours(3)));
        Assert.Equal(5, readings.At(monday.AddDays(-7).AddHours(5)));
    }

    [Fact]
    public void A_replayed_series_sets_the_level_of_every_station()
    {
        var monday = SimulatedDays.Monday;
        var lines = Enumerable.Range(0, 48).Select(h => $"{monday.AddHours(h):O},{(h % 24 < 12 ? 150 : 10)}");
        var replay = HourlyReadings.Load(Write("timestamp,value\n" + string.Join('\n', lines)));
        var stations = SimulatedDays.Province.Only(d => d.Kind == DeviceKind.EnvironmentSensor);
        var simulation = new ProvinceSimulation(stations, new SimulationOptions { Start = monday, FaultShare = 0, Pm25Replay = replay });

        var messages = new List<DeviceMessage>();
        for (var to = monday; to <= monday.AddDays(1); to = to.AddMinutes(10))
        {
            messages.AddRange(simulation.Advance(to));
        }

        var morning = messages.Between(2, 10).Readings(PollutantMetrics.Pm25).Average();
        var evening = messages.Between(14, 22).Readings(PollutantMetrics.Pm25).Average();
        Assert.InRange(morning, 80, 180);
        Assert.InRange(evening, 4, 15);
    }

    private string Write(string content)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }
}
