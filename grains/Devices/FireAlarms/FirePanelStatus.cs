namespace SmartCity.Twin.Grains.Devices.FireAlarms;

/// <summary>The panel state and since when the panel reports it; <see cref="Since"/> is <c>null</c> before any report.</summary>
public sealed record FirePanelStatus(FirePanelState State, DateTimeOffset? Since);
