using FsCheck;
using FsCheck.Fluent;

namespace SmartCity.Twin.Detectors.Tests.Properties;

public sealed class ScoreRangeProperties
{
    public static TheoryData<string> Detectors => new(DetectorCatalog.Names);

    /// <summary>
    /// Any finite readings within the detectors' range (FsCheck's doubles, extremes clamped to ±1e15, so constant runs,
    /// huge jumps and denormals all occur): every score and p-value is a number in [0, 1] and no martingale is NaN.
    /// </summary>
    [Theory]
    [MemberData(nameof(Detectors))]
    public void Scores_are_always_in_zero_to_one_and_never_nan_for_any_finite_series(string name)
    {
        var reading = ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => Math.Clamp(f.Get, -1e15, 1e15));
        var flat = Gen.Elements(0.0, 1.0, 42.0);
        var series = Gen.Frequency((3, reading), (1, flat)).ArrayOf().Select(a => a.Concat(a).Concat(a).ToArray());

        Prop.ForAll(series.ToArbitrary(), values =>
        {
            var detector = DetectorCatalog.Create(name);
            foreach (var value in values)
            {
                var score = detector.Next(value);
                if (!(score.Score is >= 0 and <= 1) || !(score.PValue is >= 0 and <= 1) || double.IsNaN(score.Martingale))
                {
                    return false;
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(150).WithEndSize(400));
    }
}
