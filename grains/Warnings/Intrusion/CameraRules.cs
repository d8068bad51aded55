using SmartCity.Twin.Grains.Devices.Cameras;
using SmartCity.Twin.Grains.Devices.ServiceCounters;

namespace SmartCity.Twin.Grains.Warnings.Intrusion;

/// <summary>
/// A camera's rules on its analytics events, by the events' own times: an <c>intrusion</c> begins with an intrusion
/// event, with repeated motion in the restricted zone, or with a burst of motion in the restricted hours that the
/// camera's usual activity for that hour makes improbable; it ends after a quiet period. <c>smoke</c> begins with an
/// event in the smoke zone, <c>tamper</c> with a tamper event; each ends after its own quiet period. The conditions are
/// latched in <see cref="CameraWatch"/> with the time they began, so the grain raises once per episode. Ordinary
/// daytime motion, people, plates and violations only teach the baseline. O(1) per event, no allocation.
/// </summary>
internal sealed class CameraRules(CameraWarningOptions options)
{
    public void Observe(CameraWatch watch, CameraAnalyticsEvent analyticsEvent)
    {
        var at = analyticsEvent.OccurredAt;
        var zone = analyticsEvent.Zone;
        if (zone is not null && string.Equals(zone, options.SmokeZone, StringComparison.OrdinalIgnoreCase))
        {
            watch.SmokeSince ??= at;
            watch.SmokeConfidence = analyticsEvent.Confidence ?? watch.SmokeConfidence;
            watch.LastSmoke = Later(watch.LastSmoke, at);
            ObserveTime(watch, at);
            return;
        }

        switch (analyticsEvent.Type)
        {
            case CameraEventType.Tamper:
                watch.TamperSince ??= at;
                watch.TamperConfidence = analyticsEvent.Confidence ?? watch.TamperConfidence;
                watch.LastTamper = Later(watch.LastTamper, at);
                break;
            case CameraEventType.Intrusion:
                BeginIntrusion(watch, IntrusionCause.IntrusionEvent, at, 1, 0, analyticsEvent);
                break;
            case CameraEventType.Motion or CameraEventType.PersonPresent:
                ObserveActivity(watch, analyticsEvent);
                break;
        }

        ObserveTime(watch, at);
    }

    /// <summary>The camera's clock moved on (any event or reading): ends the conditions whose quiet period has passed.</summary>
    public void ObserveTime(CameraWatch watch, DateTimeOffset at)
    {
        watch.Activity.Advance(at, options.BaselineWeight);
        if (watch.IntrusionSince is not null && watch.LastIntrusionSignal is { } signal && at - signal >= options.IntrusionQuietAfter)
        {
            watch.IntrusionSince = null;
            watch.IntrusionCause = IntrusionCause.None;
        }

        if (watch.SmokeSince is not null && watch.LastSmoke is { } smoke && at - smoke >= options.SmokeQuietAfter)
        {
            watch.SmokeSince = null;
        }

        if (watch.TamperSince is not null && watch.LastTamper is { } tamper && at - tamper >= options.TamperQuietAfter)
        {
            watch.TamperSince = null;
        }
    }

    /// <summary>How long the restricted hours last, in hours.</summary>
    private double RestrictedHours
    {
        get
        {
            var span = options.RestrictedUntil - options.RestrictedFrom;
            return (span > TimeSpan.Zero ? span : span + TimeSpan.FromDays(1)).TotalHours;
        }
    }

    /// <summary>Whether <paramref name="at"/> falls in the restricted hours (local time; the span may cross midnight).</summary>
    public bool IsRestrictedHour(DateTimeOffset at)
    {
        var time = PublicServiceHours.ToLocal(at).TimeOfDay;
        var from = options.RestrictedFrom;
        var until = options.RestrictedUntil;
        return from <= until ? time >= from && time < until : time >= from || time < until;
    }

    /// <summary>P(X ≥ <paramref name="count"/>) for X Poisson with mean <paramref name="mean"/>.</summary>
    public static double PoissonTail(int count, double mean)
    {
        if (count <= 0)
        {
            return 1;
        }

        var term = Math.Exp(-mean);
        var below = term;
        for (var i = 1; i < count; i++)
        {
            term *= mean / i;
            below += term;
        }

        return Math.Max(0, 1 - below);
    }

    private void ObserveActivity(CameraWatch watch, CameraAnalyticsEvent analyticsEvent)
    {
        var at = analyticsEvent.OccurredAt;
        var zone = analyticsEvent.Zone;
        var usualPerHour = Math.Max(options.MinimumHourlyRate, watch.Activity.UsualRate(at, options.AssumedHourlyRate));
        watch.Activity.Count(at, options.BaselineWeight, disturbed: watch.IntrusionSince is not null);

        if (zone is not null && string.Equals(zone, options.RestrictedZone, StringComparison.OrdinalIgnoreCase))
        {
            watch.RestrictedZoneMotion.Add(at);
            var (count, first) = watch.RestrictedZoneMotion.InWindow(options.BurstWindow);
            if (count >= options.RestrictedZoneEvents)
            {
                BeginIntrusion(watch, IntrusionCause.RestrictedZone, first, count, 0, analyticsEvent);
            }

            return;
        }

        if (!IsRestrictedHour(at))
        {
            return;
        }

        watch.NightActivity.Add(at);
        var (burst, start) = watch.NightActivity.InWindow(options.BurstWindow);
        var expected = usualPerHour * options.BurstWindow.TotalHours;
        // The event that triggers the look is given: what is improbable is the others around it. Every event of the
        // night is such a look, so the bar rises with the camera's rate: false alarms per night, not per look, are bounded.
        var looksPerNight = usualPerHour * RestrictedHours;
        if (burst >= options.NightBurstEvents && PoissonTail(burst - 1, expected) * looksPerNight < options.NightBurstFalseAlarmsPerNight)
        {
            BeginIntrusion(watch, IntrusionCause.NightBurst, start, burst, expected, analyticsEvent);
        }
    }

    private static void BeginIntrusion(CameraWatch watch, IntrusionCause cause, DateTimeOffset since, int events, double expected, CameraAnalyticsEvent analyticsEvent)
    {
        watch.LastIntrusionSignal = Later(watch.LastIntrusionSignal, analyticsEvent.OccurredAt);
        if (watch.IntrusionSince is not null)
        {
            return;
        }

        watch.IntrusionSince = since;
        watch.IntrusionCause = cause;
        watch.IntrusionEvents = events;
        watch.IntrusionExpected = expected;
        watch.IntrusionZone = analyticsEvent.Zone;
        watch.IntrusionConfidence = analyticsEvent.Confidence;
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
