using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;
using SmartCity.Twin.Simulation.Signals;

namespace SmartCity.Twin.Simulators.Tests.Signals;

public sealed class FaultTests
{
    private static readonly SimulatedProvince Large =
        SimulatedProvince.Create(SimulatedDays.Map, DeviceCounts.For(SimulatedDays.Map).ScaledTo(5_000));

    [Fact]
    public void About_two_percent_of_devices_are_faulty_by_default_and_none_when_turned_off()
    {
        var faults = new ProvinceSimulation(Large, new SimulationOptions { Start = SimulatedDays.Monday }).Faults;

        Assert.InRange(faults.Count, 60, 140);
        Assert.Equal(faults.Count, faults.Select(f => f.DeviceId).Distinct().Count());
        Assert.All(Enum.GetValues<DeviceFaultKind>(), kind => Assert.Contains(faults, f => f.Kind == kind));
        Assert.Empty(new ProvinceSimulation(Large, new SimulationOptions { Start = SimulatedDays.Monday, FaultShare = 0 }).Faults);
    }

    [Fact]
    public void A_stuck_sensor_repeats_its_last_value_while_stuck_and_recovers_after()
    {
        var (fault, messages, _) = RunWith(DeviceFaultKind.Stuck);
        var readings = messages.Where(m => m.Device.Id == fault.DeviceId && m.Values?.ContainsKey(fault.Metric!) == true).ToList();

        var stuck = readings.Where(m => fault.IsActive(m.At)).Select(m => m.Values![fault.Metric!]).ToList();
        Assert.True(stuck.Count > 60, $"{stuck.Count} readings while stuck");
        Assert.Single(stuck.Distinct());
        Assert.Equal(readings.Last(m => m.At < fault.From).Values![fault.Metric!], stuck[0]);
        Assert.True(readings.Where(m => m.At >= fault.Until).Select(m => m.Values![fault.Metric!]).Distinct().Count() > 1);
    }

    [Fact]
    public void A_drifting_sensor_reads_ever_higher_than_its_twin_without_the_fault()
    {
        var (fault, messages, seed) = RunWith(DeviceFaultKind.Drift);
        var healthy = SimulatedDays.Run(Large.Only(d => d.Id == fault.DeviceId), SimulatedDays.Monday, TimeSpan.FromDays(2), faultShare: 0, seed: seed);

        double Bias(double hoursAfter)
        {
            var at = fault.From.AddHours(hoursAfter);
            var drifting = messages.Where(m => m.Device.Id == fault.DeviceId && m.Values?.ContainsKey(fault.Metric!) == true && m.At >= at).Take(30);
            var clean = healthy.Where(m => m.Values?.ContainsKey(fault.Metric!) == true && m.At >= at).Take(30);
            return drifting.Readings(fault.Metric!).Average() - clean.Readings(fault.Metric!).Average();
        }

        Assert.True(fault.DriftPerHour > 0);
        Assert.True(Bias(20) > Bias(2) + (10 * fault.DriftPerHour), $"bias {Bias(2):F2} after 2 h, {Bias(20):F2} after 20 h");
    }

    [Fact]
    public void A_device_with_dropouts_skips_readings_and_loses_its_connection_for_a_while()
    {
        var (fault, messages, _) = RunWith(DeviceFaultKind.Dropout, DeviceKind.EnvironmentSensor);
        var own = messages.Where(m => m.Device.Id == fault.DeviceId).ToList();

        var lost = own.Where(m => m.Kind == DeviceMessageKind.ConnectionLost).ToList();
        Assert.NotEmpty(lost);
        foreach (var loss in lost)
        {
            var back = own.FirstOrDefault(m => m.At > loss.At);
            if (back is not null)
            {
                Assert.Equal(DeviceMessageKind.Online, back.Kind);
                Assert.InRange(back.At - loss.At, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(62));
            }
        }

        // A healthy station reports every minute: 2 days = 2,880 readings.
        Assert.InRange(own.Count(m => m.Kind == DeviceMessageKind.Telemetry), 1_500, 2_750);
    }

    /// <summary>
    /// The first device with a fault of <paramref name="kind"/> (under some seed), alone over two days: a device's
    /// fault and behaviour do not depend on which other devices are simulated with it.
    /// </summary>
    private static (DeviceFault Fault, List<DeviceMessage> Messages, int Seed) RunWith(DeviceFaultKind kind, DeviceKind? deviceKind = null)
    {
        for (var seed = 1; ; seed++)
        {
            var simulation = new ProvinceSimulation(Large, new SimulationOptions { Start = SimulatedDays.Monday, Seed = seed, FaultShare = 0.05 });
            var fault = simulation.Faults.FirstOrDefault(f => f.Kind == kind && (deviceKind is null || Large.Find(f.DeviceId)!.Kind == deviceKind));
            if (fault is null)
            {
                continue;
            }

            var one = Large.Only(d => d.Id == fault.DeviceId);
            var run = new ProvinceSimulation(one, new SimulationOptions { Start = SimulatedDays.Monday, Seed = seed, FaultShare = 0.05 });
            var messages = new List<DeviceMessage>();
            for (var to = SimulatedDays.Monday; to <= SimulatedDays.Monday.AddDays(2); to = to.AddMinutes(1))
            {
                messages.AddRange(run.Advance(to));
            }

            return (fault, messages, seed);
        }
    }
}
