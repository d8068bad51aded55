using System.Collections.Concurrent;
using System.Text;

namespace SmartCity.Twin.Gateways.Devices.Commands;

/// <summary>
/// Commands waiting for their replies. Apart from <see cref="DeviceCommandDispatcher"/> because connected devices
/// answer through their policies, which the endpoint creates, while the dispatcher publishes through the endpoint.
/// </summary>
/// <remarks>A 3.1.1 device cannot echo Correlation Data, so a reply without it answers the oldest pending command of that name.</remarks>
internal sealed class PendingCommands
{
    private readonly ConcurrentDictionary<(string DeviceId, string RequestId), PendingCommand> _pending = new();

    public PendingCommand Add(string deviceId, string name, string requestId)
    {
        var command = new PendingCommand(deviceId, name, requestId);
        _pending[(deviceId, requestId)] = command;
        return command;
    }

    public void Remove(PendingCommand command) => _pending.TryRemove((command.DeviceId, command.RequestId), out _);

    /// <summary>A reply on <c>reply/{name}</c>; <paramref name="correlationData"/> is empty from 3.1.1 devices.</summary>
    /// <returns>Whether it answered a pending command.</returns>
    public bool CompleteReply(string deviceId, string name, ReadOnlyMemory<byte> correlationData, ReadOnlySpan<byte> payload)
    {
        if (!correlationData.IsEmpty)
        {
            return Complete(deviceId, Encoding.UTF8.GetString(correlationData.Span), payload);
        }

        PendingCommand? oldest = null;
        foreach (var command in _pending.Values)
        {
            if (command.DeviceId == deviceId && command.Name == name
                && (oldest is null || command.RequestId.Length < oldest.RequestId.Length
                    || (command.RequestId.Length == oldest.RequestId.Length && string.CompareOrdinal(command.RequestId, oldest.RequestId) < 0)))
            {
                oldest = command;
            }
        }

        return oldest is not null && Complete(deviceId, oldest.RequestId, payload);
    }

    /// <summary>A reply naming its request, e.g. on <c>v1/devices/me/rpc/response/{requestId}</c>.</summary>
    public bool Complete(string deviceId, string requestId, ReadOnlySpan<byte> payload) =>
        _pending.TryGetValue((deviceId, requestId), out var command) && command.Reply.TrySetResult(payload.ToArray());
}
