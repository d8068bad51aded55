using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Api.Alerts;

/// <summary>
/// Which alerts of an incident confirm which: a fire-type alert (<c>fire</c>, <c>fire-pre-alarm</c>) is confirmed by
/// an alert from another twin that sees the same fire another way — a camera's <c>smoke</c>, a station's
/// <c>pollution</c> spike, a nearby panel's <c>fire</c> or <c>fire-pre-alarm</c>. An intrusion, a jam or a device
/// going offline nearby says nothing about a fire.
/// </summary>
internal static class Corroboration
{
    public static bool CanBeConfirmed(AlertSnapshot alert) =>
        alert.Status != AlertStatus.Resolved && alert.Type is WarningTypes.Fire or WarningTypes.FirePreAlarm;

    public static bool Confirms(AlertSnapshot other, AlertSnapshot alert) =>
        !string.Equals(other.TwinId, alert.TwinId, StringComparison.Ordinal)
        && other.Type is WarningTypes.Smoke or WarningTypes.Pollution or WarningTypes.Fire or WarningTypes.FirePreAlarm;
}
