namespace SmartCity.Twin.Grains.Devices.ServiceCounters;

/// <summary>Whether the officer is at the counter, and since when.</summary>
public sealed record OfficerPresence(bool IsPresent, DateTimeOffset Since);
