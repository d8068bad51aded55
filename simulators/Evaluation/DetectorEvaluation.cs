using System.Diagnostics;
using SmartCity.Twin.Simulation.Labelled;

namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>
/// Scores streaming detectors on seeded synthetic series with injected anomalies: for every sensor kind (PM2.5,
/// temperature, queue length, vehicle counts) and every anomaly kind, <see cref="SeriesPerCell"/> series holding only
/// that anomaly kind, so precision is per anomaly kind too.
/// </summary>
internal sealed class DetectorEvaluation(int seed, int tolerance)
{
    /// <summary>Points per series: two weeks at 5-minute sampling.</summary>
    public const int Points = 4032;

    public const int SeriesPerCell = 2;

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <summary>The series, generated once and shared by every detector.</summary>
    public IReadOnlyList<LabelledSeries> Series { get; } = Generate(seed);

    public DetectorScore Run(SeriesDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        var clock = Stopwatch.StartNew();
        var byKind = new SortedDictionary<InjectedAnomalyKind, EventCounts>();
        var alarms = new List<int>();
        long points = 0;
        foreach (var series in Series)
        {
            var scorer = detector.Create();
            alarms.Clear();
            var values = series.Values;
            for (var i = 0; i < values.Length; i++)
            {
                if (scorer.Next(values[i]).IsAnomaly)
                {
                    alarms.Add(i);
                }
            }

            points += values.Length;
            var kind = series.Windows.Count > 0 ? series.Windows[0].Kind : default;
            var counts = EventWindowScoring.Score(series.Windows, alarms, tolerance);
            byKind[kind] = byKind.TryGetValue(kind, out var sum) ? sum.Add(counts) : counts;
        }

        return new DetectorScore(detector, byKind, points, clock.Elapsed);
    }

    private static List<LabelledSeries> Generate(int seed)
    {
        var series = new List<LabelledSeries>();
        foreach (var anomaly in Enum.GetValues<InjectedAnomalyKind>())
        {
            foreach (var sensor in Enum.GetValues<LabelledSeriesKind>())
            {
                for (var n = 0; n < SeriesPerCell; n++)
                {
                    var options = new LabelledSeriesOptions { Kinds = [anomaly] };
                    var generated = LabelledSeries.Generate(sensor, seed + (n * 7919) + ((int)anomaly * 104_729), Points, Interval, options);
                    if (generated.Windows.Count > 0)
                    {
                        series.Add(generated);
                    }
                }
            }
        }

        return series;
    }
}
