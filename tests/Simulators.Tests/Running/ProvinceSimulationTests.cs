using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Effects;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;

namespace SmartCity.Twin.Simulators.Tests.Running;

public sealed class ProvinceSimulationTests
{
    private static readonly ProvinceMap Map = ProvinceMap.Load(ProvinceMap.DefaultProvinceId);
    private static readonly SimulatedProvince Province = SimulatedProvince.Create(Map);
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void First_advance_brings_every_device_online_then_its_properties_then_its_readings()
    {
        var messages = new ProvinceSimulation(Province, new SimulationOptions { Start = Start, FaultShare = 0 }).Advance(Start);

        foreach (var device in Province.Devices)
        {
            var own = messages.Where(m => m.Device == device).ToList();
            Assert.True(own.Count >= 3, $"{device.Id} sent {own.Count} messages");
            Assert.Equal(DeviceMessageKind.Online, own[0].Kind);
            Assert.Equal(DeviceMessageKind.State, own[1].Kind);
            Assert.Contains(own.Skip(2), m => m.Kind == DeviceMessageKind.Telemetry);
            Assert.All(own, m => Assert.Equal(Start, m.At));
        }
    }

    [Fact]
    public void Messages_come_in_time_order_and_each_interval_only_once()
    {
        var simulation = new ProvinceSimulation(Province, new SimulationOptions { Start = Start });
        var previous = Start.AddTicks(-1);
        var all = new List<DeviceMessage>();
        for (var to = Start.AddMinutes(1); to <= Start.AddHours(3); to = to.AddMinutes(1))
        {
            var messages = simulation.Advance(to);
            Assert.All(messages, m => Assert.InRange(m.At, previous.AddTicks(1), to));
            previous = to;
            all.AddRange(messages);
        }

        Assert.Empty(simulation.Advance(Start.AddHours(2)));
        Assert.Equal(all.OrderBy(m => m.At).Select(m => m.At), all.Select(m => m.At));
    }

    [Fact]
    public void Devices_do_not_report_in_lock_step()
    {
        var simulation = new ProvinceSimulation(Province, new SimulationOptions { Start = Start });
        simulation.Advance(Start);

        var sensors = simulation.Advance(Start.AddMinutes(1))
            .Where(m => m.Device.Kind == DeviceKind.EnvironmentSensor && m.Kind == DeviceMessageKind.Telemetry)
            .Select(m => m.At)
            .ToList();

        Assert.True(sensors.Distinct().Count() > sensors.Count / 2, "most stations report at different seconds");
    }

    [Fact]
    public void The_same_seed_gives_the_same_messages_however_time_is_sliced()
    {
        var whole = Describe(new ProvinceSimulation(Province, new SimulationOptions { Start = Start, Seed = 7 }).Advance(Start.AddHours(2)));
        var sliced = new ProvinceSimulation(Province, new SimulationOptions { Start = Start, Seed = 7 });
        var slices = new List<string>();
        for (var to = Start; to <= Start.AddHours(2); to = to.AddSeconds(97))
        {
            slices.AddRange(Describe(sliced.Advance(to)));
        }

        slices.AddRange(Describe(sliced.Advance(Start.AddHours(2))));

        Assert.Equal(whole, slices);
    }

    [Fact]
    public void Another_seed_gives_other_readings()
    {
        var first = Describe(new ProvinceSimulation(Province, new SimulationOptions { Start = Start, Seed = 1 }).Advance(Start.AddMinutes(10)));
        var second = Describe(new ProvinceSimulation(Province, new SimulationOptions { Start = Start, Seed = 2 }).Advance(Start.AddMinutes(10)));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Effects_change_and_drop_messages_in_the_order_they_were_added()
    {
        var simulation = new ProvinceSimulation(Province, new SimulationOptions { Start = Start, FaultShare = 0 });
        var order = new List<string>();
        simulation.AddEffect(new RecordingEffect("first", order, m => m.Device.Id == "tb-aq-01" ? null : m));
        simulation.AddEffect(new RecordingEffect("second", order, m =>
        {
            if (m.Values is { } values && values.ContainsKey("pm2_5"))
            {
                values["pm2_5"] = 500;
            }

            return m;
        }));

        var messages = simulation.Advance(Start.AddMinutes(5));

        Assert.DoesNotContain(messages, m => m.Device.Id == "tb-aq-01");
        Assert.All(messages.Where(m => m.Values?.ContainsKey("pm2_5") == true), m => Assert.Equal(500, m.Values!["pm2_5"]));
        Assert.Equal("first", order[0]);
        Assert.All(Enumerable.Range(1, order.Count - 1).Where(i => order[i] == "second"), i => Assert.Equal("first", order[i - 1]));
        Assert.True(order.Count(e => e == "first") > order.Count(e => e == "second"), "the dropped messages never reach the second effect");
    }

    [Fact]
    public void Messages_an_effect_emits_are_merged_in_time_order()
    {
        var simulation = new ProvinceSimulation(Province, new SimulationOptions { Start = Start });
        var camera = Province.Devices.First(d => d.Kind == DeviceKind.Camera);
        var intrusion = new ScriptedEffect(DeviceMessage.Event(camera, Start.AddMinutes(2).AddSeconds(30), new() { ["type"] = "intrusion", ["zone"] = "gate" }));
        simulation.AddEffect(intrusion);

        var first = simulation.Advance(Start.AddMinutes(2));
        var second = simulation.Advance(Start.AddMinutes(4));

        Assert.DoesNotContain(first, m => m.Body?["type"]?.GetValue<string>() == "intrusion");
        var index = second.ToList().FindIndex(m => m.Body?["type"]?.GetValue<string>() == "intrusion");
        Assert.True(index > 0);
        Assert.True(second[index - 1].At <= second[index].At && second[index].At <= second[index + 1].At);
        Assert.Equal([(Start.AddTicks(-1), Start.AddMinutes(2)), (Start.AddMinutes(2), Start.AddMinutes(4))], intrusion.Intervals);
    }

    [Fact]
    public void Every_kind_of_device_reports_telemetry()
    {
        var messages = new ProvinceSimulation(Province, new SimulationOptions { Start = Start }).Advance(Start.AddMinutes(10));

        Assert.All(Enum.GetValues<DeviceKind>(), kind => Assert.Contains(messages, m => m.Device.Kind == kind && m.Kind == DeviceMessageKind.Telemetry));
    }

    [Fact]
    public void A_hundred_thousand_devices_advance_through_a_simulated_hour()
    {
        var province = SimulatedProvince.Create(Map, DeviceCounts.For(Map).ScaledTo(100_000));
        var simulation = new ProvinceSimulation(province, new SimulationOptions { Start = Start.AddHours(8) });
        var counts = new Dictionary<DeviceMessageKind, long>();
        var telemetryByKind = new Dictionary<DeviceKind, long>();
        for (var to = Start.AddHours(8); to <= Start.AddHours(9); to = to.AddSeconds(10))
        {
            foreach (var message in simulation.Advance(to))
            {
                counts[message.Kind] = counts.GetValueOrDefault(message.Kind) + 1;
                if (message.Kind == DeviceMessageKind.Telemetry)
                {
                    telemetryByKind[message.Device.Kind] = telemetryByKind.GetValueOrDefault(message.Device.Kind) + 1;
                }
            }
        }

        Assert.True(counts[DeviceMessageKind.Online] >= 100_000);
        Assert.Equal(100_000, counts[DeviceMessageKind.State]);

        // Stations and panels every minute, intersections every 30 s, an hour long (dropouts skip a few).
        var sensors = province.Devices.Count(d => d.Kind == DeviceKind.EnvironmentSensor);
        Assert.InRange(telemetryByKind[DeviceKind.EnvironmentSensor], sensors * 59, sensors * 61);
        var junctions = province.Devices.Count(d => d.Kind == DeviceKind.Intersection);
        Assert.InRange(telemetryByKind[DeviceKind.Intersection], junctions * 118, junctions * 121);
        Assert.True(counts[DeviceMessageKind.Event] > 100_000);
    }

    private static List<string> Describe(IEnumerable<DeviceMessage> messages) => messages.Select(DeviceMessageFormat.Describe).ToList();

    private sealed class RecordingEffect(string name, List<string> order, Func<DeviceMessage, DeviceMessage?> apply) : IDeviceEffect
    {
        public DeviceMessage? Apply(DeviceMessage message)
        {
            order.Add(name);
            return apply(message);
        }

        public void Emit(DateTimeOffset from, DateTimeOffset to, ICollection<DeviceMessage> output)
        {
        }
    }

    private sealed class ScriptedEffect(DeviceMessage message) : IDeviceEffect
    {
        public List<(DateTimeOffset From, DateTimeOffset To)> Intervals { get; } = [];

        public DeviceMessage? Apply(DeviceMessage message) => message;

        public void Emit(DateTimeOffset from, DateTimeOffset to, ICollection<DeviceMessage> output)
        {
            Intervals.Add((from, to));
            if (message.At > from && message.At <= to)
            {
                output.Add(message);
            }
        }
    }
}
