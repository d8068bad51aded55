namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>
/// Matches the warnings twins raised against the ground truth, per warning type. An expected warning is found when an
/// alert of its type on its twin was raised between onset − tolerance and end + tolerance (its latency: raised − onset,
/// in seconds, negative when the alert was early); otherwise it is missed. Every other alert is false, except further
/// raises within a found warning's span: the same condition coming back, not a new one.
/// </summary>
internal static class WarningMatching
{
    /// <param name="runEnd">Where an open-ended expected warning ends.</param>
    /// <param name="excused">Alerts the simulation itself explains without a fixed time (a dropout's outage): neither right nor false.</param>
    public static IReadOnlyDictionary<string, EventCounts> Score(
        IReadOnlyList<ExpectedWarning> expected,
        IReadOnlyList<RaisedWarning> raised,
        TimeSpan tolerance,
        DateTimeOffset runEnd,
        Func<RaisedWarning, bool>? excused = null) => Match(expected, raised, tolerance, runEnd, excused).ByType;

    /// <summary>As <see cref="Score"/>, with the false alerts themselves: what a rule's author looks at next.</summary>
    public static WarningMatch Match(
        IReadOnlyList<ExpectedWarning> expected,
        IReadOnlyList<RaisedWarning> raised,
        TimeSpan tolerance,
        DateTimeOffset runEnd,
        Func<RaisedWarning, bool>? excused = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(raised);
        var counts = new SortedDictionary<string, EventCounts>(StringComparer.Ordinal);
        var used = new bool[raised.Count];
        var byTwinAndType = new Dictionary<(string Twin, string Type), List<int>>();
        for (var i = 0; i < raised.Count; i++)
        {
            var key = (raised[i].TwinId, raised[i].Type);
            if (!byTwinAndType.TryGetValue(key, out var list))
            {
                list = [];
                byTwinAndType[key] = list;
            }

            list.Add(i);
        }

        foreach (var warning in expected.OrderBy(w => w.Onset))
        {
            var from = warning.Onset - tolerance;
            var to = (warning.End ?? runEnd) + tolerance;
            var found = false;
            double latency = 0;
            if (byTwinAndType.TryGetValue((warning.TwinId, warning.Type), out var candidates))
            {
                foreach (var index in candidates.OrderBy(i => raised[i].At))
                {
                    var at = raised[index].At;
                    if (at < from || at > to)
                    {
                        continue;
                    }

                    if (!found)
                    {
                        found = true;
                        latency = (at - warning.Onset).TotalSeconds;
                    }

                    used[index] = true;
                }
            }

            counts[warning.Type] = found ? Of(counts, warning.Type).Found(latency) : Of(counts, warning.Type).Missed();
        }

        var falseAlerts = new List<RaisedWarning>();
        for (var i = 0; i < raised.Count; i++)
        {
            if (!used[i] && excused?.Invoke(raised[i]) != true)
            {
                counts[raised[i].Type] = Of(counts, raised[i].Type).FalseAlarm();
                falseAlerts.Add(raised[i]);
            }
        }

        return new WarningMatch(counts, falseAlerts.OrderBy(a => a.At).ThenBy(a => a.TwinId, StringComparer.Ordinal).ToList());
    }

    private static EventCounts Of(SortedDictionary<string, EventCounts> counts, string type) =>
        counts.TryGetValue(type, out var tally) ? tally : EventCounts.None;
}
