using System.Globalization;
using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Devices.ServiceCounters;

namespace SmartCity.Twin.Grains.Warnings.Pollution;

/// <summary>What the pollution and sensor-fault warnings tell operators, in Vietnamese.</summary>
public static class PollutionMessages
{
    public static string NameOf(AirPollutant pollutant) => pollutant switch
    {
        AirPollutant.Pm25 => "PM2.5",
        AirPollutant.Pm10 => "PM10",
        AirPollutant.O3 => "O3",
        AirPollutant.No2 => "NO2",
        AirPollutant.So2 => "SO2",
        _ => "CO",
    };

    /// <summary>"VN_AQI 165 (Xấu) từ 04:10, chất ô nhiễm chính PM2.5".</summary>
    public static string Exceedance(AirQualityIndex aqi, DateTimeOffset since) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"VN_AQI {aqi.Value} ({AirQualityBandInfo.Of(aqi.Band).VietnameseName}) từ {PublicServiceHours.ToLocal(since):HH:mm}, chất ô nhiễm chính {NameOf(aqi.DominantPollutant)}");

    /// <summary>"PM2.5 tăng đột biến: 142 µg/m³ trong giờ này, gấp 3,6 lần mức thường lúc 10 giờ (39 µg/m³)".</summary>
    public static string Spike(double mean, double usual, DateTimeOffset hour) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"PM2.5 tăng đột biến: {mean:0} µg/m³ trong giờ này, gấp {Number(mean / usual)} lần mức thường lúc {PublicServiceHours.ToLocal(hour):HH} giờ ({usual:0} µg/m³)");

    /// <summary>"Cảm biến PM2.5 đứng yên ở 180 µg/m³ từ 09:05 (31 lần đọc giống hệt nhau)".</summary>
    public static string Stuck(StuckPollutant stuck) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Cảm biến {NameOf(stuck.Pollutant)} đứng yên ở {Number(stuck.Value)} µg/m³ từ {PublicServiceHours.ToLocal(stuck.Since):HH:mm} ({stuck.Readings} lần đọc giống hệt nhau)");

    /// <summary>"Cảm biến PM2.5 nghi bị trôi: tỉ lệ PM2.5/PM10 0,82 so với mức thường 0,57 của trạm, suốt 6 giờ".</summary>
    public static string Drift(PmRatioDrift drift) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Cảm biến {(drift.Direction > 0 ? "PM2.5" : "PM10")} nghi bị trôi: tỉ lệ PM2.5/PM10 {Number(drift.LatestRatio, "0.00")} so với mức thường {Number(drift.UsualRatio(), "0.00")} của trạm, suốt {drift.OffHours} giờ");

    /// <summary>Vietnamese writes a decimal comma.</summary>
    private static string Number(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture).Replace('.', ',');
}
