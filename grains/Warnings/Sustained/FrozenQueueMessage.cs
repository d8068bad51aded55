using System.Globalization;
using SmartCity.Twin.Grains.Devices.ServiceCounters;

namespace SmartCity.Twin.Grains.Warnings.Sustained;

/// <summary>What a stuck queue counter's <c>sensor-fault</c> tells operators.</summary>
public static class FrozenQueueMessage
{
    /// <summary>"Bộ đếm hàng chờ đứng yên ở 7 người từ 09:05 (31 lần đọc giống hệt nhau)"; <paramref name="unit"/> "người" or "xe".</summary>
    public static string Of(FrozenReading frozen, string unit) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Bộ đếm hàng chờ đứng yên ở {frozen.Value:0.#} {unit} từ {PublicServiceHours.ToLocal(frozen.Since):HH:mm} ({frozen.Readings} lần đọc giống hệt nhau)");
}
