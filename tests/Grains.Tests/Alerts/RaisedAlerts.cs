using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Tests.Twins;
using SmartCity.Twin.Runtime.Testing;

namespace SmartCity.Twin.Grains.Tests.Alerts;

/// <summary>Alerts raised straight on their grain, as a twin would, with the type, severity and onset a test chooses.</summary>
internal static class RaisedAlerts
{
    public static async Task<IAlert> RaiseAsync(InProcessTestCluster cluster, string id, string type, AlertSeverity? severity = null, DeviceKind kind = DeviceKind.FireAlarm)
    {
        var alert = cluster.GrainFactory.GetGrain<IAlert>(id);
        await alert.Raise(Raise(cluster, id, type, severity, kind));
        return alert;
    }

    public static AlertRaise Raise(InProcessTestCluster cluster, string twinId, string type, AlertSeverity? severity = null, DeviceKind kind = DeviceKind.FireAlarm) =>
        new(type, twinId, kind, "thai-binh", Places.ThaiBinhCity, "Cảnh báo " + type, new Dictionary<string, double> { ["value"] = 1 }, cluster.TimeProvider.GetUtcNow(), severity);

    /// <summary>Reminder ticks run on the grain after the clock moved: wait (in real time) for their effect.</summary>
    public static Task<AlertSnapshot> EventuallyAsync(IAlert alert, Func<AlertSnapshot, bool> condition) =>
        Eventually.Until(alert.GetSnapshot, condition);
}
