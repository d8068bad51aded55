using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Simulation.Messages;

namespace SmartCity.Twin.Simulators.Tests.Signals;

public sealed class FirePanelSignalTests
{
    private static readonly List<DeviceMessage> Day = SimulatedDays.Run(DeviceKind.FireAlarm, SimulatedDays.Monday, TimeSpan.FromDays(1));

    [Fact]
    public void Panels_start_normal_and_report_indoor_temperature_and_little_smoke()
    {
        Assert.All(SimulatedDays.Province.Devices.Where(d => d.Kind == DeviceKind.FireAlarm), panel =>
            Assert.Equal("normal", Day.First(m => m.Device == panel && m.Kind == DeviceMessageKind.Event).EventType()));
        Assert.All(Day.Readings("temperature"), t => Assert.InRange(t, 22, 36));
        Assert.All(Day.Readings("smoke"), s => Assert.InRange(s, 0, 0.5));
        Assert.True(Day.Between(14, 17).Readings("temperature").Average() > Day.Between(3, 6).Readings("temperature").Average() + 2);
    }
}
