using System.Collections.Concurrent;
using SmartCity.Twin.Api.Alerts;

namespace SmartCity.Twin.Api.Tests.Alerts;

internal sealed class RecordingCorroborator : IAlertCorroborator
{
    public ConcurrentQueue<(string AlertId, IReadOnlyList<string> ConfirmedBy)> Sent { get; } = new();

    public void Corroborate(string alertId, IReadOnlyList<string> confirmedBy) => Sent.Enqueue((alertId, confirmedBy));
}
