using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Grains.Hosting;

/// <summary>Settings of the twin grains; defaults are the production defaults.</summary>
public sealed class TwinOptions
{
    /// <summary>Which province's districts devices are assigned to. Default <c>thai-binh</c>; also <c>bac-ninh</c>, <c>hau-giang</c>.</summary>
    public string ProvinceId { get; set; } = ProvinceMap.DefaultProvinceId;

    /// <summary>
    /// Samples kept per metric of a device twin. Default 64: at 8 bytes a sample (int seconds + float value) a full
    /// metric takes about 620 bytes, so a twin with six full metrics stays under 5 KB and a million twins fit well
    /// within 12 GB. Allowed 2–4096.
    /// </summary>
    public int HistoryCapacity { get; set; } = 64;

    /// <summary>How often a device twin with unsaved telemetry writes its state. Default 30 s. Telemetry alone never triggers a write.</summary>
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far in the future of the silo clock a telemetry timestamp may be. Later points are dropped: a device with a
    /// wrong clock would otherwise pin its "latest" value forever. Default 5 minutes.
    /// </summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Analytics events a camera twin keeps. Default 32.</summary>
    public int CameraEventCapacity { get; set; } = 32;
}
