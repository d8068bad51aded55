using BenchmarkDotNet.Attributes;
using SmartCity.Twin.Detectors;

namespace SmartCity.Twin.Benchmarks.Detectors;

/// <summary>
/// Cost of one point for each streaming detector at its default window, after warm-up, on a daily cycle with noise and
/// occasional spikes. One benchmark operation is <see cref="PointsPerOperation"/> points, so BenchmarkDotNet's
/// per-operation time and allocation are per point.
/// </summary>
[MemoryDiagnoser]
public class DetectorBenchmark
{
    public const int PointsPerOperation = 1000;

    private readonly double[] _series = new double[64 * 1024];
    private IStreamingDetector _detector = null!;
    private int _next;

    [Params("iid-spike", "iid-change-point", "ssa", "spectral-residual", "robust", "stuck", "default")]
    public string Detector { get; set; } = "default";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var i = 0; i < _series.Length; i++)
        {
            _series[i] = 30 + (8 * Math.Sin(2 * Math.PI * i / 288)) + (2 * random.NextDouble()) + (random.Next(500) == 0 ? 25 : 0);
        }

        _detector = Detector switch
        {
            "iid-spike" => new IidSpikeDetector(new IidSpikeOptions()),
            "iid-change-point" => new IidChangePointDetector(new IidChangePointOptions()),
            "ssa" => new SsaSpikeDetector(new SsaSpikeOptions()),
            "spectral-residual" => new SpectralResidualDetector(new SpectralResidualOptions()),
            "robust" => new RobustSpikeDetector(new RobustSpikeOptions()),
            "stuck" => new StuckDetector(new StuckOptions()),
            _ => DefaultDetector.Create(),
        };

        for (var i = 0; i < 2000; i++)
        {
            _detector.Next(_series[i]);
        }

        _next = 2000;
    }

    [Benchmark(OperationsPerInvoke = PointsPerOperation)]
    public double ScorePoints()
    {
        var sum = 0.0;
        for (var i = 0; i < PointsPerOperation; i++)
        {
            sum += _detector.Next(_series[_next]).Score;
            _next = (_next + 1) & (_series.Length - 1);
        }

        return sum;
    }
}
