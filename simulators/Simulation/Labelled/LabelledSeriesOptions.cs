namespace SmartCity.Twin.Simulation.Labelled;

/// <summary>How a labelled series is generated beyond its kind, seed, length and interval.</summary>
internal sealed class LabelledSeriesOptions
{
    /// <summary>Timestamp of the first point. Default 2026-03-02 00:00 Vietnam time (a Monday).</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 3, 1, 17, 0, 0, TimeSpan.Zero);

    /// <summary>Injected anomalies per 1,000 points (fewer when they do not fit). Default 4.</summary>
    public double AnomaliesPer1000Points { get; init; } = 4;

    /// <summary>Points at the start kept clean so a detector can learn normal first. Default 300.</summary>
    public int CleanLeadPoints { get; init; } = 300;

    /// <summary>Which anomalies to inject, drawn uniformly. Default all five kinds.</summary>
    public IReadOnlyList<InjectedAnomalyKind> Kinds { get; init; } = Enum.GetValues<InjectedAnomalyKind>();
}
