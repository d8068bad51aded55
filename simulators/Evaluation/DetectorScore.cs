using SmartCity.Twin.Simulation.Labelled;

namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>One detector on the labelled series, per injected anomaly kind (each kind is scored on series holding only that kind).</summary>
internal sealed record DetectorScore(SeriesDetector Detector, IReadOnlyDictionary<InjectedAnomalyKind, EventCounts> ByKind, long Points, TimeSpan Wall)
{
    public EventCounts Total => ByKind.Values.Aggregate(EventCounts.None, (sum, counts) => sum.Add(counts));
}
