using System.Globalization;
using System.Text;
using System.Text.Json;
using SmartCity.Twin.Simulation.Scenarios;
using SmartCity.Twin.Simulation.Signals;

namespace SmartCity.Twin.Simulators.Tests.Scenarios;

public sealed class GroundTruthWriterTests
{
    [Fact]
    public void Csv_has_one_row_per_twin_and_warning_with_utc_times_and_place()
    {
        var play = ScenarioPlayTests.Play("power-cut");
        using var stream = new MemoryStream();

        GroundTruthWriter.WriteCsv(play, stream);

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("scenario,warning,twin_id,kind,district,onset,end,lon,lat", lines[0]);
        var blackout = play.Targets["blackout"].Devices;
        Assert.Equal(blackout.Count, lines.Length - 1);
        var first = blackout.OrderBy(d => d.Id, StringComparer.Ordinal).First();
        var row = lines.Single(l => l.Split(',')[2] == first.Id).Split(',');
        Assert.Equal(["power-cut", "offline", first.Id, KindName(first.Kind), first.DistrictId], row[..5]);
        Assert.Equal(play.Start.AddMinutes(5), DateTimeOffset.Parse(row[5], CultureInfo.InvariantCulture));
        Assert.EndsWith("Z", row[5], StringComparison.Ordinal);
        Assert.Equal(play.Start.AddMinutes(45), DateTimeOffset.Parse(row[6], CultureInfo.InvariantCulture));
        Assert.Equal(first.Location.Longitude, double.Parse(row[7], CultureInfo.InvariantCulture), 5);
        Assert.Equal(first.Location.Latitude, double.Parse(row[8], CultureInfo.InvariantCulture), 5);
    }

    [Fact]
    public void A_warning_still_active_at_the_end_has_an_empty_end()
    {
        var play = ScenarioPlayTests.Play("camera-vandalised");
        using var stream = new MemoryStream();

        GroundTruthWriter.WriteCsv(play, stream);

        var rows = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["intrusion", "tamper", "offline"], rows.Select(r => r[1]));
        Assert.All(rows, r => Assert.Equal(string.Empty, r[6]));
    }

    [Fact]
    public void Json_by_extension_carries_the_targets_warnings_and_expectations()
    {
        var play = ScenarioPlayTests.Play("fire-public-building", province: "bac-ninh");
        var path = Path.Combine(Path.GetTempPath(), $"truth-{Guid.NewGuid():N}", "fire.json");
        try
        {
            GroundTruthWriter.Write(play, path);

            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            Assert.Equal("fire-public-building", root.GetProperty("scenario").GetString());
            Assert.Equal("bac-ninh", root.GetProperty("province").GetString());
            var panel = play.Targets["panel"].Devices[0].Id;
            Assert.Equal(panel, root.GetProperty("targets").GetProperty("panel")[0].GetString());
            var warnings = root.GetProperty("warnings").EnumerateArray().ToList();
            Assert.Equal(["fire", "fire-pre-alarm", "smoke"], warnings.Select(w => w.GetProperty("warning").GetString()).Order(StringComparer.Ordinal));
            var camera = play.Targets["camera"].Devices[0].Id;
            Assert.All(warnings, w => Assert.Equal(w.GetProperty("warning").GetString() == "smoke" ? camera : panel, w.GetProperty("twinId").GetString()));
            Assert.All(warnings, w => Assert.Equal(JsonValueKind.Null, w.GetProperty("end").ValueKind));
            var hot = root.GetProperty("expectations").EnumerateArray().Single(e => e.TryGetProperty("metric", out var m) && m.GetString() == "temperature");
            Assert.Equal(57, hot.GetProperty("atLeast").GetDouble());
            Assert.Equal("PT30M", hot.GetProperty("offset").GetString());
            Assert.True(hot.GetProperty("visibleThroughApi").GetBoolean());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Json_gives_a_warnings_severity_only_when_the_drill_sets_one()
    {
        var play = ScenarioPlayTests.Play("night-theft-school");
        using var stream = new MemoryStream();

        GroundTruthWriter.WriteJson(play, stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().ToDictionary(w => w.GetProperty("warning").GetString()!);
        Assert.Equal("Critical", warnings["tamper"].GetProperty("severity").GetString());
        Assert.False(warnings["intrusion"].TryGetProperty("severity", out _));
    }

    [Fact]
    public void The_simulations_own_faults_are_ground_truth_too_stuck_and_drifting_sensors_in_csv_all_in_json()
    {
        var play = ScenarioPlayTests.Play("haze-episode");
        var station = play.Targets["clean"].Devices[0];
        var camera = play.Province.Devices.First(d => d.Kind == SmartCity.Twin.Grains.Devices.DeviceKind.Camera);
        DeviceFault[] faults =
        [
            new(station.Id, DeviceFaultKind.Stuck, "pm2_5", play.Start.AddHours(1), play.Start.AddHours(3)),
            new(camera.Id, DeviceFaultKind.Dropout, null, play.Start, null),
        ];
        using var csv = new MemoryStream();
        using var json = new MemoryStream();

        GroundTruthWriter.WriteCsv(play, csv, faults);
        GroundTruthWriter.WriteJson(play, json, faults);

        var background = Encoding.UTF8.GetString(csv.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("background,", StringComparison.Ordinal)).ToList();
        var row = Assert.Single(background).Split(',');
        Assert.Equal(["background", "sensor-fault", station.Id], row[..3]);
        Assert.Equal((play.Start.AddHours(1), play.Start.AddHours(3)), (DateTimeOffset.Parse(row[5], CultureInfo.InvariantCulture), DateTimeOffset.Parse(row[6], CultureInfo.InvariantCulture)));
        using var document = JsonDocument.Parse(json.ToArray());
        Assert.Equal(["stuck", "dropout"], document.RootElement.GetProperty("faults").EnumerateArray().Select(f => f.GetProperty("fault").GetString()));
    }

    [Fact]
    public void Another_extension_is_refused_by_name()
    {
        var error = Assert.Throws<ScenarioException>(() => GroundTruthWriter.Write(ScenarioPlayTests.Play("power-cut"), "truth.txt"));

        Assert.Equal("ground truth 'truth.txt': the file name must end in .json or .csv", error.Message);
    }

    private static string KindName(SmartCity.Twin.Grains.Devices.DeviceKind kind) => SmartCity.Twin.Grains.Devices.DeviceKindNames.ToName(kind);
}
