namespace SmartCity.Twin.Gateways.Devices.Commands;

/// <summary>What became of a command sent to a device.</summary>
/// <param name="Reply">The device's reply payload (as it sent it) when <see cref="Status"/> is <see cref="DeviceCommandStatus.Replied"/>.</param>
internal sealed record DeviceCommandOutcome(DeviceCommandStatus Status, string RequestId, ReadOnlyMemory<byte> Reply = default);
