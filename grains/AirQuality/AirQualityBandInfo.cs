namespace SmartCity.Twin.Grains.AirQuality;

/// <summary>How a VN_AQI band is named and drawn: its index range, Vietnamese name and RGB colour (Decision 1459/QĐ-TCMT, table 1).</summary>
public sealed record AirQualityBandInfo(AirQualityBand Band, int MinIndex, int MaxIndex, string VietnameseName, string ColourName, string ColourHex)
{
    private static readonly AirQualityBandInfo[] Bands =
    [
        new(AirQualityBand.Good, 0, 50, "Tốt", "green", "#00E400"),
        new(AirQualityBand.Moderate, 51, 100, "Trung bình", "yellow", "#FFFF00"),
        new(AirQualityBand.UnhealthyForSensitiveGroups, 101, 150, "Kém", "orange", "#FF7E00"),
        new(AirQualityBand.Unhealthy, 151, 200, "Xấu", "red", "#FF0000"),
        new(AirQualityBand.VeryUnhealthy, 201, 300, "Rất xấu", "purple", "#8F3F97"),
        new(AirQualityBand.Hazardous, 301, 500, "Nguy hại", "maroon", "#7E0023"),
    ];

    public static IReadOnlyList<AirQualityBandInfo> All => Bands;

    public static AirQualityBandInfo Of(AirQualityBand band) => Bands[(int)band];

    /// <summary>The band of an index; above 500 is still hazardous.</summary>
    public static AirQualityBand BandOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        foreach (var info in Bands)
        {
            if (index <= info.MaxIndex)
            {
                return info.Band;
            }
        }

        return AirQualityBand.Hazardous;
    }
}
