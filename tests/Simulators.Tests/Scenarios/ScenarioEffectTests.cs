using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;
using SmartCity.Twin.Simulation.Scenarios;

namespace SmartCity.Twin.Simulators.Tests.Scenarios;

/// <summary>What the devices send when a scenario's effect rides on the province simulation.</summary>
public sealed class ScenarioEffectTests
{
    [Fact]
    public void A_fire_heats_the_panel_past_57_degrees_faster_than_8_3_degrees_a_minute_then_alarms()
    {
        var play = ScenarioPlayTests.Play("fire-public-building");
        var panel = play.Targets["panel"].Devices[0];

        var messages = Simulate(play);

        var heat = Readings(messages, panel, "temperature");
        var rising = heat.Where(r => r.At > play.Start.AddMinutes(3) && r.At <= play.Start.AddMinutes(8)).ToList();
        Assert.True(rising.Count >= 3, $"{rising.Count} readings during the rise");
        Assert.All(rising.Zip(rising.Skip(1)), pair =>
            Assert.True((pair.Second.Value - pair.First.Value) / (pair.Second.At - pair.First.At).TotalMinutes >= 8.3, $"{pair.First} → {pair.Second}"));
        var held = heat.Where(r => r.At >= play.Start.AddMinutes(8)).ToList();
        Assert.All(held, r => Assert.InRange(r.Value, 78 * 0.995, 78 * 1.005));
        Assert.True(held.Select(r => r.Value).Distinct().Count() > held.Count / 2, "a held level keeps the instrument's noise, as a stuck sensor would not");
        Assert.True(Readings(messages, panel, "smoke").Last().Value >= 17.9);
        var states = messages.Where(m => m.Device == panel && m.Kind == DeviceMessageKind.Event && m.At > play.Start).Select(m => (string)m.Body!["type"]!).ToList();
        Assert.Equal(["pre-alarm", "alarm"], states);
        var camera = play.Targets["camera"].Devices[0];
        var smoke = messages.Where(m => m.Device == camera && m.Kind == DeviceMessageKind.Event && (string?)m.Body!["zone"] == "smoke").Select(m => m.At).ToList();
        Assert.Equal(Enumerable.Range(5, 26).Select(minute => play.Start.AddMinutes(minute)), smoke);
    }

    [Fact]
    public void A_power_cut_silences_the_district_between_connection_lost_and_back_online_and_spares_the_rest()
    {
        var play = ScenarioPlayTests.Play("power-cut");
        var cut = play.Start.AddMinutes(5);
        var back = play.Start.AddMinutes(45);

        var messages = Simulate(play);

        foreach (var device in play.Targets["blackout"].Devices)
        {
            var during = messages.Where(m => m.Device == device && m.At >= cut && m.At <= back).ToList();
            Assert.Equal(DeviceMessageKind.ConnectionLost, during[0].Kind);
            Assert.Equal(cut, during[0].At);
            Assert.Equal((DeviceMessageKind.Online, back), (during[^1].Kind, during[^1].At));
            Assert.Equal(2, during.Count);
            Assert.Contains(messages, m => m.Device == device && m.At > back && m.Kind == DeviceMessageKind.Telemetry);
        }

        foreach (var device in play.Targets["elsewhere"].Devices)
        {
            Assert.Contains(messages, m => m.Device == device && m.At > cut.AddMinutes(10) && m.At < back && m.Kind == DeviceMessageKind.Telemetry);
        }
    }

    [Fact]
    public void Haze_raises_pm25_in_its_districts_only_and_leaves_the_other_stations_exactly_as_they_were()
    {
        var play = ScenarioPlayTests.Play("haze-episode");

        var hazy = Simulate(play);
        var clear = Simulate(play, withEffect: false);

        foreach (var station in play.Targets["stations"].Devices)
        {
            var pm25 = Readings(hazy, station, "pm2_5");
            Assert.True(pm25[^1].Value >= 250, $"{station.Id} ends at {pm25[^1]}");
            Assert.True(Readings(hazy, station, "pm10")[^1].Value >= 380);
            var hourly = pm25.Where(r => r.At >= play.Start.AddMinutes(20) && r.At <= play.Start.AddMinutes(170)).Where((_, i) => i % 60 == 0).Select(r => r.Value).ToList();
            Assert.Equal(hourly.Order(), hourly);
        }

        foreach (var station in play.Targets["clean"].Devices)
        {
            Assert.Equal(Readings(clear, station, "pm2_5"), Readings(hazy, station, "pm2_5"));
        }
    }

    [Fact]
    public void An_absent_officer_stays_absent_until_the_timeline_brings_them_back()
    {
        var play = ScenarioPlayTests.Play("officer-absent");
        var counter = play.Targets["counter"].Devices[0];

        var messages = Simulate(play);

        var presence = messages.Where(m => m.Device == counter && m.Kind == DeviceMessageKind.Event && m.At > play.Start.AddMinutes(1))
            .Select(m => (m.At, Type: (string)m.Body!["type"]!))
            .ToList();
        Assert.Equal((play.Start.AddMinutes(5), "officer-absent"), presence[0]);
        Assert.Equal((play.Start.AddMinutes(45), "officer-present"), presence[1]);
        Assert.True(Readings(messages, counter, "queue_length").Single(r => r.At > play.Start.AddMinutes(39) && r.At <= play.Start.AddMinutes(40)).Value >= 25);
    }

    [Fact]
    public void A_frozen_sensor_repeats_its_last_reading_until_cleared_and_a_set_value_holds()
    {
        const string json = """
            {
              "name": "stuck", "title": "Cảm biến treo", "description": "A stuck PM2.5 sensor.", "duration": "PT2H",
              "targets": { "station": { "kind": "environment-sensor" } },
              "cast": ["station"],
              "timeline": [
                { "at": "PT30M", "target": "station", "action": "freeze", "metric": "pm2_5" },
                { "at": "PT30M", "target": "station", "action": "set", "metric": "humidity", "value": 99 },
                { "at": "PT1H30M", "target": "station", "action": "clear", "metric": "pm2_5" }
              ],
              "groundTruth": { "warnings": [ { "type": "sensor-fault", "target": "station", "onset": "PT1H30M", "end": "PT1H30M" } ] }
            }
            """;
        var scenario = ScenarioReader.Read("stuck.json", json);
        var play = ScenarioPlay.Create(scenario, SimulatedProvince.Create(ProvinceMap.Load("hau-giang")), 3, new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));
        var station = play.Targets["station"].Devices[0];

        var messages = Simulate(play);

        var pm25 = Readings(messages, station, "pm2_5");
        var stuck = pm25.Where(r => r.At >= play.Start.AddMinutes(30) && r.At < play.Start.AddMinutes(90)).Select(r => r.Value).Distinct().ToList();
        Assert.Single(stuck);
        Assert.Equal(pm25.Last(r => r.At < play.Start.AddMinutes(30)).Value, stuck[0]);
        Assert.True(pm25.Where(r => r.At >= play.Start.AddMinutes(90)).Select(r => r.Value).Distinct().Count() > 5);
        Assert.All(Readings(messages, station, "humidity").Where(r => r.At >= play.Start.AddMinutes(30)), r => Assert.Equal(99, r.Value));
    }

    internal static List<DeviceMessage> Simulate(ScenarioPlay play, bool withEffect = true)
    {
        var simulation = new ProvinceSimulation(play.Cast, new SimulationOptions { Start = play.Start, Seed = play.Seed, FaultShare = 0 });
        if (withEffect)
        {
            simulation.AddEffect(play.Effect);
        }

        var messages = new List<DeviceMessage>();
        for (var to = play.Start; to <= play.End; to = to.AddMinutes(1))
        {
            messages.AddRange(simulation.Advance(to));
        }

        return messages;
    }

    private static List<(DateTimeOffset At, double Value)> Readings(List<DeviceMessage> messages, SimulatedDevice device, string metric) =>
        messages.Where(m => m.Device == device && m.Kind == DeviceMessageKind.Telemetry && m.Values!.ContainsKey(metric))
            .Select(m => (m.At, m.Values![metric]))
            .ToList();
}
