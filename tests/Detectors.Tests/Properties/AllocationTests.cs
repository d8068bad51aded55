using SmartCity.Twin.Simulation.Labelled;

namespace SmartCity.Twin.Detectors.Tests.Properties;

public sealed class AllocationTests
{
    public static TheoryData<string> Detectors => new(DetectorCatalog.Names);

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Scoring_ten_thousand_points_after_warm_up_allocates_nothing(string name)
    {
        var values = LabelledSeries.Generate(LabelledSeriesKind.VehicleCount, 5, 12_000, TimeSpan.FromMinutes(5)).Values;
        var detector = DetectorCatalog.Create(name);
        for (var i = 0; i < 2000; i++)
        {
            detector.Next(values[i]);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var flagged = 0;
        for (var i = 2000; i < values.Length; i++)
        {
            flagged += detector.Next(values[i]).IsAnomaly ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.InRange(flagged, 0, values.Length);
    }
}
