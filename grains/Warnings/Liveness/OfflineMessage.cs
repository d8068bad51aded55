using SmartCity.Twin.Grains.Alerts;

namespace SmartCity.Twin.Grains.Warnings.Liveness;

/// <summary>The operator's text and evidence of an <c>offline</c> warning.</summary>
internal static class OfflineMessage
{
    /// <summary>Evidence key: minutes without a message when the device was declared offline.</summary>
    public const string SilentMinutesEvidence = "silent_minutes";

    /// <param name="since">When the device went offline (the alert's onset).</param>
    /// <param name="silence">The silence that made it offline; <c>null</c> when a connectivity report (MQTT Will, gateway) did.</param>
    /// <param name="extra">Appended to the message, e.g. what the device was watching when it went dark.</param>
    public static WarningDetails Describe(DateTimeOffset since, TimeSpan? silence, DateTimeOffset? lastSeen, string? extra = null, AlertSeverity? severity = null)
    {
        var local = LocalTime.Format(since);
        var message = silence is { } quiet
            ? $"Thiết bị không gửi dữ liệu {Minutes(quiet)} phút, mất kết nối từ {local}"
            : $"Thiết bị mất kết nối lúc {local}";
        if (extra is not null)
        {
            message += ". " + extra;
        }

        var evidence = silence is { } s
            ? new Dictionary<string, double>(1, StringComparer.Ordinal) { [SilentMinutesEvidence] = Math.Round(s.TotalMinutes, 1) }
            : lastSeen is { } seen && seen <= since
                ? new Dictionary<string, double>(1, StringComparer.Ordinal) { [SilentMinutesEvidence] = Math.Round((since - seen).TotalMinutes, 1) }
                : new Dictionary<string, double>(0, StringComparer.Ordinal);
        return new WarningDetails(message, evidence, since, severity);
    }

    private static string Minutes(TimeSpan span) => Math.Round(span.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
