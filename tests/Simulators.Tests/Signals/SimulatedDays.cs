using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;
using SmartCity.Twin.Simulation.Signals;

namespace SmartCity.Twin.Simulators.Tests.Signals;

/// <summary>Runs Thái Bình's devices of one kind through simulated days, as the runner would, minute by minute.</summary>
internal static class SimulatedDays
{
    public static readonly ProvinceMap Map = ProvinceMap.Load(ProvinceMap.DefaultProvinceId);

    public static readonly SimulatedProvince Province = SimulatedProvince.Create(Map);

    /// <summary>Monday 10 March 2025, 00:00 in Vietnam.</summary>
    public static readonly DateTimeOffset Monday = new(2025, 3, 10, 0, 0, 0, ProvinceTime.Offset);

    public static List<DeviceMessage> Run(DeviceKind kind, DateTimeOffset start, TimeSpan duration, double faultShare = 0, int seed = 2020) =>
        Run(Province.Only(d => d.Kind == kind), start, duration, faultShare, seed);

    public static List<DeviceMessage> Run(SimulatedProvince province, DateTimeOffset start, TimeSpan duration, double faultShare = 0, int seed = 2020)
    {
        var simulation = new ProvinceSimulation(province, new SimulationOptions { Start = start, FaultShare = faultShare, Seed = seed });
        var messages = new List<DeviceMessage>();
        for (var to = start; to <= start + duration; to = to.AddMinutes(1))
        {
            messages.AddRange(simulation.Advance(to));
        }

        return messages;
    }

    public static double LocalHour(this DeviceMessage message) => ProvinceTime.HourOfDay(message.At);

    public static IEnumerable<double> Readings(this IEnumerable<DeviceMessage> messages, string metric) =>
        messages.Where(m => m.Values?.ContainsKey(metric) == true).Select(m => m.Values![metric]);

    public static IEnumerable<DeviceMessage> Between(this IEnumerable<DeviceMessage> messages, double fromHour, double toHour) =>
        messages.Where(m => m.LocalHour() >= fromHour && m.LocalHour() < toHour);

    public static string? EventType(this DeviceMessage message) =>
        message.Kind == DeviceMessageKind.Event ? message.Body?["type"]?.GetValue<string>() : null;
}
