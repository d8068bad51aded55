namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>
/// Events found, missed and falsely raised, with the delay of each found one (points for a series, seconds for a
/// warning). Immutable; <see cref="Add"/> sums two tallies, so series and drills add up to totals.
/// </summary>
internal sealed record EventCounts
{
    public static readonly EventCounts None = new();

    public int TruePositives { get; init; }

    public int FalsePositives { get; init; }

    public int FalseNegatives { get; init; }

    public double LatencySum { get; init; }

    public double LatencyMax { get; init; }

    /// <summary><c>null</c> when nothing was raised: there is nothing to be precise about.</summary>
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary><c>null</c> when there was nothing to find.</summary>
    public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>The harmonic mean of precision and recall; 0 when either is 0, <c>null</c> when either is undefined.</summary>
    public double? F1 => (Precision, Recall) switch
    {
        ({ } p, { } r) when p + r > 0 => 2 * p * r / (p + r),
        ({ }, { }) => 0,
        _ => null,
    };

    /// <summary>Mean delay from onset to the first alarm over the events found; <c>null</c> when none was found.</summary>
    public double? MeanLatency => TruePositives == 0 ? null : LatencySum / TruePositives;

    public EventCounts Found(double latency) => this with
    {
        TruePositives = TruePositives + 1,
        LatencySum = LatencySum + latency,
        LatencyMax = TruePositives == 0 ? latency : Math.Max(LatencyMax, latency),
    };

    public EventCounts Missed() => this with { FalseNegatives = FalseNegatives + 1 };

    public EventCounts FalseAlarm() => this with { FalsePositives = FalsePositives + 1 };

    public EventCounts Add(EventCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new EventCounts
        {
            TruePositives = TruePositives + other.TruePositives,
            FalsePositives = FalsePositives + other.FalsePositives,
            FalseNegatives = FalseNegatives + other.FalseNegatives,
            LatencySum = LatencySum + other.LatencySum,
            LatencyMax = other.TruePositives == 0 ? LatencyMax : TruePositives == 0 ? other.LatencyMax : Math.Max(LatencyMax, other.LatencyMax),
        };
    }
}
