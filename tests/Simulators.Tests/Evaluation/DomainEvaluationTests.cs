using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Scenarios;
using SmartCity.Twin.Simulators.Evaluation;

namespace SmartCity.Twin.Simulators.Tests.Evaluation;

/// <summary>The harness runs the real twins in-process on simulated time and scores their alerts against ground truth.</summary>
public sealed class DomainEvaluationTests
{
    private static readonly SimulatedProvince ThaiBinh = SimulatedProvince.Create(ProvinceMap.Load("thai-binh"));

    [Fact]
    public async Task The_fire_drill_reports_its_fire_as_found_with_the_alerts_delay_after_onset()
    {
        var evaluation = new DomainEvaluation(ThaiBinh, new EvaluationSettings());

        var score = await evaluation.RunDrillAsync(ScenarioCatalog.Find("fire-public-building")!, CancellationToken.None);

        var fire = score.ByType[WarningTypes.Fire];
        Assert.Equal(1, fire.TruePositives);
        Assert.Equal(0, fire.FalseNegatives);
        Assert.Equal(0, fire.FalsePositives);
        // Within the matching tolerance by construction; whether it is within the 30 s is the report's to say.
        Assert.InRange(fire.MeanLatency!.Value, -300, 300);
        Assert.Equal(fire.MeanLatency, fire.LatencyMax);
        Assert.True(score.Messages > 1000, $"only {score.Messages} messages were replayed");
        Assert.Null(score.Refusals);
    }

    [Fact]
    public async Task A_quiet_day_of_the_provinces_fire_panels_raises_no_fire_alert()
    {
        var panels = ThaiBinh.Only(d => d.Kind == DeviceKind.FireAlarm);
        var evaluation = new DomainEvaluation(panels, new EvaluationSettings());
        var days = new List<int>();

        var score = await evaluation.RunQuietAsync(1, (day, _) => days.Add(day), CancellationToken.None);

        Assert.Equal([1], days);
        Assert.Equal(panels.Devices.Count, score.Devices);
        Assert.Equal(0, score.ByType.GetValueOrDefault(WarningTypes.Fire)?.FalsePositives ?? 0);
        Assert.Equal(0, score.ByType.GetValueOrDefault(WarningTypes.FirePreAlarm)?.FalsePositives ?? 0);
        Assert.Equal(0.0, score.FalsePer1000SensorDays(WarningTypes.Fire));
        Assert.True(score.Messages >= panels.Devices.Count * 1000, $"only {score.Messages} messages were replayed");
        Assert.Null(score.Refusals);
    }
}
