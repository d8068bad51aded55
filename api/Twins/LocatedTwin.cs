using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Api.Twins;

/// <summary>A device twin found by id, with the snapshot that identified it.</summary>
internal sealed record LocatedTwin(IDeviceTwin Twin, DeviceTwinSnapshot Snapshot);
