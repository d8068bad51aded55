using System.Globalization;
using SmartCity.Twin.Grains.Devices.ServiceCounters;

namespace SmartCity.Twin.Grains.Warnings.ServiceCounters;

/// <summary>Whether a counter's queue is overloaded: longer than <see cref="ServiceCounterWarningOptions.QueueOverloadLength"/>.</summary>
public static class QueueOverload
{
    public static bool Holds(double queueLength, ServiceCounterWarningOptions options) => queueLength > options.QueueOverloadLength;

    /// <summary>For operators: "Hàng chờ 34 người, vượt ngưỡng 30 người từ 09:12 (hơn 15 phút)".</summary>
    public static string Message(double queueLength, DateTimeOffset since, ServiceCounterWarningOptions options) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Hàng chờ {queueLength:0} người, vượt ngưỡng {options.QueueOverloadLength} người từ {PublicServiceHours.ToLocal(since):HH:mm} (hơn {OfficerAbsence.Minutes(options.QueueOverloadAfter)})");
}
