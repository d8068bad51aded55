namespace SmartCity.Twin.Grains.Devices.Intersections;

/// <summary>The signal phase a traffic controller runs (its own phase name, e.g. <c>NS-green</c>) and since when.</summary>
public sealed record SignalPhase(string Phase, DateTimeOffset Since);
