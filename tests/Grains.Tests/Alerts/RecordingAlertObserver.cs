using System.Collections.Concurrent;
using SmartCity.Twin.Grains.Alerts;

namespace SmartCity.Twin.Grains.Tests.Alerts;

internal sealed class RecordingAlertObserver : IAlertObserver
{
    public ConcurrentQueue<AlertSnapshot> Seen { get; } = new();

    public void OnAlertChanged(AlertSnapshot alert) => Seen.Enqueue(alert);
}
