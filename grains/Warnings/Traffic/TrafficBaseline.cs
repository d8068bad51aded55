using SmartCity.Twin.Grains.Devices.ServiceCounters;

namespace SmartCity.Twin.Grains.Warnings.Traffic;

/// <summary>
/// What an intersection usually sees: the mean queue length and speed per local hour of the day, separately for
/// weekdays and weekends (whose days have no rush hours), as running means that turn into exponentially weighted ones
/// after <see cref="TrafficWarningOptions.BaselineMemoryReadings"/> readings. Part of the persisted intersection
/// state: 48 slots of three numbers.
/// </summary>
public sealed class TrafficBaseline
{
    public const int Slots = 48;

    public double[] Queue { get; set; } = new double[Slots];

    public double[] Speed { get; set; } = new double[Slots];

    public int[] Readings { get; set; } = new int[Slots];

    public bool IsConsistent => Queue.Length == Slots && Speed.Length == Slots && Readings.Length == Slots;

    public static int SlotOf(DateTimeOffset at)
    {
        var local = PublicServiceHours.ToLocal(at);
        var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return (weekend ? 24 : 0) + local.Hour;
    }

    public void Learn(DateTimeOffset at, double queue, double speed, int memory)
    {
        var slot = SlotOf(at);
        var n = Readings[slot];
        var weight = 1.0 / Math.Min(n + 1, Math.Max(1, memory));
        Queue[slot] += weight * (queue - Queue[slot]);
        Speed[slot] += weight * (speed - Speed[slot]);
        if (n < int.MaxValue)
        {
            Readings[slot] = n + 1;
        }
    }

    /// <summary>The usual queue and speed at <paramref name="at"/>'s hour, once the slot has <paramref name="minReadings"/>.</summary>
    public bool TryGetUsual(DateTimeOffset at, int minReadings, out double queue, out double speed)
    {
        var slot = SlotOf(at);
        queue = Queue[slot];
        speed = Speed[slot];
        return Readings[slot] >= Math.Max(1, minReadings);
    }
}
