namespace SmartCity.Twin.Grains.Rollups;

/// <summary>A district's whole roll-up as sent to its province; the province keeps the newest <see cref="Version"/> per district.</summary>
public sealed record DistrictContribution(string DistrictId, long Version, AreaRollup Rollup);
