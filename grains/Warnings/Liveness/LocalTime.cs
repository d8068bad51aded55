using System.Globalization;
using SmartCity.Twin.Grains.Devices.ServiceCounters;

namespace SmartCity.Twin.Grains.Warnings.Liveness;

/// <summary>Times in operators' messages: Vietnam time, as Vietnamese write it (<c>01:13 05/01/2026</c>).</summary>
internal static class LocalTime
{
    public static string Format(DateTimeOffset instant) =>
        PublicServiceHours.ToLocal(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
