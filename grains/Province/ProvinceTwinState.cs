using SmartCity.Twin.Grains.Rollups;

namespace SmartCity.Twin.Grains.Province;

/// <summary>What a province twin persists: the latest roll-up of each district. The province total is recomputed from them.</summary>
internal sealed class ProvinceTwinState
{
    public Dictionary<string, DistrictContribution> Districts { get; set; } = new(StringComparer.Ordinal);
}
