using System.Globalization;
using SmartCity.Twin.Grains.Devices.FireAlarms;

namespace SmartCity.Twin.Grains.Warnings.Fire;

/// <summary>The operators' Vietnamese text and the evidence of a panel's <c>fire</c> and <c>fire-pre-alarm</c> warnings.</summary>
internal static class FireMessages
{
    public const string RateOfRiseEvidence = "rate_of_rise";
    public const string PanelStateEvidence = "panel_state";

    private static readonly CultureInfo Vietnamese = CreateVietnamese();

    public static string Fire(FireWatch? watch, FireWarningOptions options, FirePanelState panel)
    {
        var readings = watch?.FireSince is null ? null : watch.FireCause switch
        {
            FireCause.RateOfRise => $"Nhiệt độ tăng {Number(watch.FireRateOfRise ?? 0)} °C/phút, vượt ngưỡng {Number(options.RateOfRiseCelsiusPerMinute)} °C/phút (hiện {Number(watch.FireTemperature)} °C)",
            _ => $"Nhiệt độ {Number(watch.FireTemperature)} °C vượt ngưỡng {Number(options.TemperatureCelsius)} °C",
        };
        return panel switch
        {
            FirePanelState.Alarm when readings is not null => "Tủ báo cháy báo động cháy; " + readings,
            FirePanelState.Alarm => "Tủ báo cháy báo động cháy",
            FirePanelState.PreAlarm when readings is not null => readings + "; tủ báo cháy đang tiền báo động",
            _ => readings ?? "Báo cháy",
        };
    }

    public static string PreAlarm(FireWatch? watch, FireWarningOptions options, FirePanelState panel)
    {
        var readings = watch?.PreAlarmSince is null ? null : watch.PreAlarmCause switch
        {
            FireCause.Anomalies => $"Nhiệt độ và khói cùng tăng bất thường so với mức nền của tủ (nhiệt độ {Latest(watch.Temperature)} °C, nền {Number(watch.TemperatureAverage ?? 0)} °C; khói {Latest(watch.Smoke)} %/m)",
            _ => $"Khói {Number(watch.PreAlarmSmoke)} %/m vượt ngưỡng {Number(options.SmokeObscurationPercentPerMetre)} %/m và đang tăng",
        };
        return panel == FirePanelState.PreAlarm
            ? "Tủ báo cháy tiền báo động" + (readings is null ? string.Empty : "; " + readings)
            : readings ?? "Tiền báo động cháy";
    }

    /// <summary>The readings behind a warning: temperature, rate of rise, smoke (each if known) and the panel's state (0 normal, 1 pre-alarm, 2 alarm, 3 fault).</summary>
    public static Dictionary<string, double> Evidence(FireWatch? watch, FirePanelState panel)
    {
        var evidence = new Dictionary<string, double>(4, StringComparer.Ordinal) { [PanelStateEvidence] = (int)panel };
        if (watch is null)
        {
            return evidence;
        }

        if (watch.Temperature.Count > 0)
        {
            evidence[FireReadings.TemperatureMetric] = watch.Temperature.LatestValue();
        }

        var shownRate = watch.FireSince is not null && watch.FireRateOfRise is { } atOnset ? atOnset : watch.RateOfRise;
        if (shownRate is { } r)
        {
            evidence[RateOfRiseEvidence] = Math.Round(r, 2);
        }

        if (watch.Smoke.Count > 0)
        {
            evidence[FireReadings.SmokeMetric] = watch.Smoke.LatestValue();
        }

        return evidence;
    }

    private static string Latest(ReadingWindow window) => window.Count > 0 ? Number(window.LatestValue()) : "?";

    /// <summary>One decimal, Vietnamese style (61,5): the comma is what operators read, whatever the server's culture.</summary>
    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", Vietnamese);

    private static CultureInfo CreateVietnamese()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        return CultureInfo.ReadOnly(culture);
    }
}
