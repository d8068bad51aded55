namespace SmartCity.Twin.Gateways.Devices.Commands;

/// <summary>A command waiting for its reply.</summary>
internal sealed class PendingCommand(string deviceId, string name, string requestId)
{
    public string DeviceId { get; } = deviceId;

    public string Name { get; } = name;

    public string RequestId { get; } = requestId;

    public TaskCompletionSource<ReadOnlyMemory<byte>> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
