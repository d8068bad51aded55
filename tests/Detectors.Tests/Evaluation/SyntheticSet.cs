using SmartCity.Twin.Simulation.Labelled;

namespace SmartCity.Twin.Detectors.Tests.Evaluation;

/// <summary>
/// The labelled synthetic set the detectors are compared on: every sensor kind, three seeds each, 4,000 points at
/// 5-minute sampling (about two weeks), all five anomaly kinds.
/// </summary>
internal static class SyntheticSet
{
    public static readonly int[] Seeds = [101, 202, 303];

    public static IEnumerable<LabelledSeries> Series()
    {
        foreach (var kind in Enum.GetValues<LabelledSeriesKind>())
        {
            foreach (var seed in Seeds)
            {
                yield return LabelledSeries.Generate(kind, seed, 4000, TimeSpan.FromMinutes(5));
            }
        }
    }

    public static DetectionOutcome Evaluate(Func<IStreamingDetector> create, IEnumerable<LabelledSeries> series)
    {
        DetectionOutcome? total = null;
        foreach (var one in series)
        {
            var detector = create();
            var flagged = new bool[one.Values.Length];
            for (var i = 0; i < flagged.Length; i++)
            {
                flagged[i] = detector.Next(one.Values[i]).IsAnomaly;
            }

            var outcome = DetectionOutcome.Score(one, flagged);
            total = total is null ? outcome : total.Plus(outcome);
        }

        return total!;
    }
}
