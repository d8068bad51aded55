using System.Globalization;
using SmartCity.Twin.Grains.Devices.ServiceCounters;

namespace SmartCity.Twin.Grains.Warnings.Traffic;

/// <summary>Whether one reading of an intersection shows congestion (<see cref="TrafficWarningOptions"/>), and how to tell operators.</summary>
public static class Congestion
{
    public static bool Holds(double queue, double speed, DateTimeOffset at, TrafficBaseline? baseline, TrafficWarningOptions options)
    {
        if (queue >= options.GridlockQueueLength && speed <= options.GridlockSpeedKmh)
        {
            return true;
        }

        return baseline is not null
            && baseline.TryGetUsual(at, options.BaselineMinReadings, out var usualQueue, out var usualSpeed)
            && queue >= Math.Max(options.MinQueueLength, options.QueueFactor * usualQueue)
            && speed <= Math.Min(options.MaxSpeedKmh, options.SpeedFactor * usualSpeed);
    }

    /// <summary>Vietnamese writes a decimal comma: 3,5 km/h.</summary>
    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>For operators: "Ùn tắc từ 17:05: hàng chờ 150 xe, tốc độ 3 km/h (thường giờ này 62 xe, 8 km/h)".</summary>
    public static string Message(double queue, double speed, DateTimeOffset since, TrafficBaseline? baseline, TrafficWarningOptions options)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"Ùn tắc từ {PublicServiceHours.ToLocal(since):HH:mm}: hàng chờ {queue:0} xe, tốc độ {Number(speed)} km/h");
        return baseline is not null && baseline.TryGetUsual(since, options.BaselineMinReadings, out var usualQueue, out var usualSpeed)
            ? text + string.Create(CultureInfo.InvariantCulture, $" (thường giờ này {usualQueue:0} xe, {Number(usualSpeed)} km/h)")
            : text;
    }
}
