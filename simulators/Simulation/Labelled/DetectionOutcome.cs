namespace SmartCity.Twin.Simulation.Labelled;

/// <summary>
/// How well a detector's flags match a labelled series, counted per anomaly event as an operator sees them: an injected
/// anomaly is found when any point from its start to <c>latePoints</c> after its end is flagged; a false alarm is a
/// run of consecutive flagged points that touches no anomaly.
/// </summary>
internal sealed record DetectionOutcome(int Anomalies, int Found, int FalseAlarms, double MeanLatencyPoints, IReadOnlyDictionary<InjectedAnomalyKind, (int Anomalies, int Found)> ByKind)
{
    public double Precision => Found + FalseAlarms == 0 ? 1 : (double)Found / (Found + FalseAlarms);

    public double Recall => Anomalies == 0 ? 1 : (double)Found / Anomalies;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Adds the counts of two outcomes, e.g. over several series.</summary>
    public DetectionOutcome Plus(DetectionOutcome other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var byKind = new Dictionary<InjectedAnomalyKind, (int Anomalies, int Found)>(ByKind);
        foreach (var (kind, counts) in other.ByKind)
        {
            byKind[kind] = byKind.TryGetValue(kind, out var mine) ? (mine.Anomalies + counts.Anomalies, mine.Found + counts.Found) : counts;
        }

        var found = Found + other.Found;
        var latency = found == 0 ? 0 : ((MeanLatencyPoints * Found) + (other.MeanLatencyPoints * other.Found)) / found;
        return new DetectionOutcome(Anomalies + other.Anomalies, found, FalseAlarms + other.FalseAlarms, latency, byKind);
    }

    public static DetectionOutcome Score(LabelledSeries series, ReadOnlySpan<bool> flagged, int latePoints = 5)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (flagged.Length != series.Values.Length)
        {
            throw new ArgumentException($"{flagged.Length} flags for a series of {series.Values.Length} points.", nameof(flagged));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(latePoints);
        var near = new bool[flagged.Length];
        var byKind = new Dictionary<InjectedAnomalyKind, (int Anomalies, int Found)>();
        var found = 0;
        var latencySum = 0.0;
        foreach (var window in series.Windows)
        {
            var until = Math.Min(flagged.Length, window.End + latePoints);
            Array.Fill(near, true, window.Start, until - window.Start);
            var first = flagged[window.Start..until].IndexOf(true);
            var counts = byKind.GetValueOrDefault(window.Kind);
            byKind[window.Kind] = (counts.Anomalies + 1, counts.Found + (first >= 0 ? 1 : 0));
            if (first >= 0)
            {
                found++;
                latencySum += first;
            }
        }

        var falseAlarms = 0;
        var i = 0;
        while (i < flagged.Length)
        {
            if (!flagged[i])
            {
                i++;
                continue;
            }

            var touches = false;
            for (; i < flagged.Length && flagged[i]; i++)
            {
                touches |= near[i];
            }

            falseAlarms += touches ? 0 : 1;
        }

        return new DetectionOutcome(series.Windows.Count, found, falseAlarms, found == 0 ? 0 : latencySum / found, byKind);
    }
}
