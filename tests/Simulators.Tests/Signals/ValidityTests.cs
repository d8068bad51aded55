using SmartCity.Twin.Gateways.Devices.Payloads;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Telemetry;
using SmartCity.Twin.Simulation.Messages;

namespace SmartCity.Twin.Simulators.Tests.Signals;

public sealed class ValidityTests
{
    // What each kind of twin accepts on .../events (see the README's topic table).
    private static readonly Dictionary<DeviceKind, string[]> EventTypes = new()
    {
        [DeviceKind.Camera] = ["motion", "intrusion", "person-present", "person-absent", "plate-read", "tamper", "violation"],
        [DeviceKind.FireAlarm] = ["normal", "pre-alarm", "alarm", "fault"],
        [DeviceKind.Intersection] = ["phase"],
        [DeviceKind.ServiceCounter] = ["officer-present", "officer-absent"],
        [DeviceKind.EnvironmentSensor] = [],
    };

    [Theory]
    [InlineData(1)] // January: cold nights, haze
    [InlineData(7)] // July: hot and humid
    public void Every_generated_value_passes_the_twins_physical_range_check_even_from_faulty_devices(int month)
    {
        var start = new DateTimeOffset(2025, month, 6, 0, 0, 0, TimeSpan.FromHours(7));

        var messages = SimulatedDays.Run(SimulatedDays.Province, start, TimeSpan.FromDays(2), faultShare: 0.5);

        var telemetry = messages.Where(m => m.Kind == DeviceMessageKind.Telemetry).ToList();
        Assert.True(telemetry.Count > 50_000);
        Assert.All(telemetry, m => Assert.All(m.Values!, v =>
        {
            Assert.True(double.IsFinite(v.Value), $"{m}: {v.Key} = {v.Value}");
            Assert.True(MetricNames.IsValid(v.Key), v.Key);
            Assert.Null(PhysicalRange.Check(v.Key, v.Value));
        }));
    }

    [Fact]
    public void Every_event_is_one_its_twin_understands()
    {
        var messages = SimulatedDays.Run(SimulatedDays.Province, SimulatedDays.Monday, TimeSpan.FromDays(1), faultShare: 0.2);

        Assert.All(messages.Where(m => m.Kind == DeviceMessageKind.Event), m => Assert.Contains(m.EventType(), EventTypes[m.Device.Kind]));
        Assert.All(messages.Where(m => m.EventType() == "phase"), m => Assert.InRange(m.Body!["phase"]!.GetValue<string>().Length, 1, 64));
    }

    [Fact]
    public void Every_device_reports_its_model_firmware_and_site_once()
    {
        var messages = SimulatedDays.Run(SimulatedDays.Province, SimulatedDays.Monday, TimeSpan.FromHours(1));

        Assert.All(SimulatedDays.Province.Devices, device =>
        {
            var state = Assert.Single(messages, m => m.Device == device && m.Kind == DeviceMessageKind.State);
            Assert.False(string.IsNullOrEmpty(state.Body!["model"]?.GetValue<string>()));
            Assert.False(string.IsNullOrEmpty(state.Body["firmware"]?.GetValue<string>()));
            Assert.Equal(device.Site, state.Body["site"]?.GetValue<string>());
        });
    }
}
