namespace SmartCity.Twin.Grains.Devices;

/// <summary>The configuration the IOC wants a device to have; <see cref="Version"/> increases with every change.</summary>
public sealed record DesiredProperties(long Version, IReadOnlyDictionary<string, string> Properties, DateTimeOffset? UpdatedAt);
