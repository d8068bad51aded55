using System.Globalization;

namespace SmartCity.Twin.Grains.Warnings.Liveness;

/// <summary>How long one device may stay silent before it is offline.</summary>
internal static class SilenceLimit
{
    /// <summary>The provisioning attribute of a device that reports less often than every few minutes (whole seconds).</summary>
    public const string ReportIntervalAttribute = "reportIntervalSeconds";

    /// <summary>
    /// <see cref="LivenessWarningOptions.OfflineAfterSilence"/>, or <see cref="LivenessWarningOptions.MissedReports"/>
    /// report intervals if the device's attributes give a longer one: an hourly meter is not offline after 15 minutes.
    /// An attribute that is not a positive whole number of seconds is ignored.
    /// </summary>
    public static TimeSpan For(LivenessWarningOptions options, IReadOnlyDictionary<string, string>? attributes)
    {
        var limit = options.OfflineAfterSilence > TimeSpan.Zero ? options.OfflineAfterSilence : TimeSpan.FromMinutes(15);
        if (attributes is not null
            && attributes.TryGetValue(ReportIntervalAttribute, out var text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds > 0)
        {
            var fromInterval = TimeSpan.FromSeconds((double)seconds * Math.Max(1, options.MissedReports));
            if (fromInterval > limit)
            {
                return fromInterval;
            }
        }

        return limit;
    }
}
