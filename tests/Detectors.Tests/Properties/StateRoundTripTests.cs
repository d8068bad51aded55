using System.Text.Json;
using SmartCity.Twin.Simulation.Labelled;

namespace SmartCity.Twin.Detectors.Tests.Properties;

public sealed class StateRoundTripTests
{
    private static readonly double[] Values = LabelledSeries.Generate(LabelledSeriesKind.Pm25, 21, 1500, TimeSpan.FromMinutes(5)).Values;

    [Fact]
    public void An_iid_spike_detector_restored_from_json_scores_exactly_as_the_one_that_kept_running() =>
        AssertResumes(s => new IidSpikeDetector(new IidSpikeOptions(), s), d => ((IidSpikeDetector)d).State);

    [Fact]
    public void An_iid_change_point_detector_restored_from_json_scores_exactly_as_the_one_that_kept_running() =>
        AssertResumes(s => new IidChangePointDetector(new IidChangePointOptions { Martingale = MartingaleType.Mixture }, s), d => ((IidChangePointDetector)d).State);

    [Fact]
    public void An_ssa_detector_restored_from_json_scores_exactly_as_the_one_that_kept_running() =>
        AssertResumes(s => new SsaSpikeDetector(new SsaSpikeOptions(), s), d => ((SsaSpikeDetector)d).State);

    [Fact]
    public void A_spectral_residual_detector_restored_from_json_scores_exactly_as_the_one_that_kept_running() =>
        AssertResumes(s => new SpectralResidualDetector(new SpectralResidualOptions(), s), d => ((SpectralResidualDetector)d).State);

    [Fact]
    public void A_robust_detector_restored_from_json_scores_exactly_as_the_one_that_kept_running() =>
        AssertResumes(s => new RobustSpikeDetector(new RobustSpikeOptions(), s), d => ((RobustSpikeDetector)d).State);

    [Fact]
    public void A_stuck_detector_restored_from_json_scores_exactly_as_the_one_that_kept_running() =>
        AssertResumes(s => new StuckDetector(new StuckOptions(), s), d => ((StuckDetector)d).State);

    [Fact]
    public void The_default_detector_restored_from_json_scores_exactly_as_the_one_that_kept_running() =>
        AssertResumes(DefaultDetector.Create, d => ((DefaultEnsemble)d).State);

    /// <summary>Runs a detector over the first part, stores its state as JSON, and compares the rest point by point.</summary>
    private static void AssertResumes<TState>(Func<TState?, IStreamingDetector> create, Func<IStreamingDetector, TState> stateOf)
        where TState : class
    {
        foreach (var split in new[] { 7, 350, 777 })
        {
            var running = create(null);
            for (var i = 0; i < split; i++)
            {
                running.Next(Values[i]);
            }

            var json = JsonSerializer.Serialize(stateOf(running));
            var restored = create(JsonSerializer.Deserialize<TState>(json));
            for (var i = split; i < Values.Length; i++)
            {
                Assert.Equal(running.Next(Values[i]), restored.Next(Values[i]));
            }
        }
    }
}
