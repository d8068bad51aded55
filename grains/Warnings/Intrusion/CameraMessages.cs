using System.Globalization;
using SmartCity.Twin.Grains.Warnings.Liveness;

namespace SmartCity.Twin.Grains.Warnings.Intrusion;

/// <summary>The operators' Vietnamese text and the evidence of a camera's <c>intrusion</c>, <c>smoke</c> and <c>tamper</c> warnings.</summary>
internal static class CameraMessages
{
    public const string EventsEvidence = "events";
    public const string ExpectedEvidence = "expected_events";
    public const string ConfidenceEvidence = "confidence";
    public const string IntrusionEvidence = "intrusion_in_progress";

    /// <summary>Said of a tamper or offline warning raised while an intrusion is in progress.</summary>
    public const string DuringIntrusion = "Camera bị vô hiệu hóa trong khi đang có xâm nhập";

    public static string Intrusion(CameraWatch watch, TimeSpan window) => watch.IntrusionCause switch
    {
        IntrusionCause.RestrictedZone =>
            $"Chuyển động trong vùng cấm \"{watch.IntrusionZone}\": {watch.IntrusionEvents} lần trong {Minutes(window)} phút, từ {Time(watch.IntrusionSince)}",
        IntrusionCause.NightBurst =>
            $"Chuyển động bất thường trong giờ cấm: {watch.IntrusionEvents} lần trong {Minutes(window)} phút (bình thường khoảng {Number(watch.IntrusionExpected)} lần), từ {Time(watch.IntrusionSince)}",
        _ => watch.IntrusionZone is { } zone
            ? $"Phát hiện xâm nhập tại vùng \"{zone}\" lúc {Time(watch.IntrusionSince)}"
            : $"Phát hiện xâm nhập lúc {Time(watch.IntrusionSince)}",
    };

    public static Dictionary<string, double> IntrusionEvidenceOf(CameraWatch watch)
    {
        var evidence = new Dictionary<string, double>(3, StringComparer.Ordinal) { [EventsEvidence] = watch.IntrusionEvents };
        if (watch.IntrusionCause == IntrusionCause.NightBurst)
        {
            evidence[ExpectedEvidence] = Math.Round(watch.IntrusionExpected, 3);
        }

        if (watch.IntrusionConfidence is { } confidence)
        {
            evidence[ConfidenceEvidence] = confidence;
        }

        return evidence;
    }

    public static string Smoke(CameraWatch watch) => $"Camera phát hiện khói lúc {Time(watch.SmokeSince)}";

    public static string Tamper(CameraWatch watch, bool duringIntrusion) =>
        $"Camera bị can thiệp (che, xoay hoặc phá) lúc {Time(watch.TamperSince)}" + (duringIntrusion ? ". " + DuringIntrusion : string.Empty);

    public static Dictionary<string, double> ConfidenceOnly(double? confidence, bool? duringIntrusion = null)
    {
        var evidence = new Dictionary<string, double>(2, StringComparer.Ordinal);
        if (confidence is { } c)
        {
            evidence[ConfidenceEvidence] = c;
        }

        if (duringIntrusion is { } intrusion)
        {
            evidence[IntrusionEvidence] = intrusion ? 1 : 0;
        }

        return evidence;
    }

    private static string Time(DateTimeOffset? at) => at is { } instant ? LocalTime.Format(instant) : "?";

    private static string Minutes(TimeSpan span) => Math.Round(span.TotalMinutes, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');
}
