using SmartCity.Twin.Simulation.Labelled;

namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>
/// Scores a detector's alarms on one labelled series by events, not points (as the NAB benchmark does): an injected
/// anomaly is found when an alarm falls in its window or up to <c>tolerance</c> points after it, with latency = first
/// such alarm − window start, in points; a window with none is missed. Alarms outside every (extended) window are false
/// alarms, and a run of them with gaps of at most <c>max(1, tolerance)</c> points counts once: an operator sees one false
/// episode, not each point of it.
/// </summary>
internal static class EventWindowScoring
{
    /// <param name="windows">In time order, not overlapping; each from <see cref="AnomalyWindow.Start"/> to before <see cref="AnomalyWindow.End"/>.</param>
    /// <param name="alarms">Indices of the points the detector flagged, ascending.</param>
    public static EventCounts Score(IReadOnlyList<AnomalyWindow> windows, IReadOnlyList<int> alarms, int tolerance)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(alarms);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        var counts = EventCounts.None;
        var merge = Math.Max(1, tolerance);
        var next = 0;
        int? lastFalse = null;
        for (var w = 0; w < windows.Count; w++)
        {
            var window = windows[w];

            // Alarms before this window (and beyond the previous one's reach) are false.
            while (next < alarms.Count && alarms[next] < window.Start)
            {
                counts = CountFalse(counts, alarms[next], ref lastFalse, merge);
                next++;
            }

            // The tolerance never reaches into the next window: its alarms are its own.
            var last = window.End - 1 + tolerance;
            if (w + 1 < windows.Count)
            {
                last = Math.Max(window.End - 1, Math.Min(last, windows[w + 1].Start - 1));
            }

            if (next < alarms.Count && alarms[next] <= last)
            {
                counts = counts.Found(alarms[next] - window.Start);
                while (next < alarms.Count && alarms[next] <= last)
                {
                    next++;
                }
            }
            else
            {
                counts = counts.Missed();
            }

            // A false episode does not continue across a window.
            lastFalse = null;
        }

        for (; next < alarms.Count; next++)
        {
            counts = CountFalse(counts, alarms[next], ref lastFalse, merge);
        }

        return counts;
    }

    private static EventCounts CountFalse(EventCounts counts, int alarm, ref int? lastFalse, int merge)
    {
        var continues = lastFalse is { } previous && alarm - previous <= merge;
        lastFalse = alarm;
        return continues ? counts : counts.FalseAlarm();
    }
}
