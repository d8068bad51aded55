namespace SmartCity.Twin.Grains.AirQuality;

/// <summary>The six VN_AQI bands (Decision 1459/QĐ-TCMT, table 1), worst last.</summary>
public enum AirQualityBand
{
    /// <summary>0–50, "Tốt", green (0, 228, 0).</summary>
    Good,

    /// <summary>51–100, "Trung bình", yellow (255, 255, 0).</summary>
    Moderate,

    /// <summary>101–150, "Kém", orange (255, 126, 0).</summary>
    UnhealthyForSensitiveGroups,

    /// <summary>151–200, "Xấu", red (255, 0, 0).</summary>
    Unhealthy,

    /// <summary>201–300, "Rất xấu", purple (143, 63, 151).</summary>
    VeryUnhealthy,

    /// <summary>301–500, "Nguy hại", maroon (126, 0, 35).</summary>
    Hazardous,
}
