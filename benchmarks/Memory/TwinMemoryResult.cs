namespace SmartCity.Twin.Benchmarks.Memory;

/// <param name="Storage">Which storage provider held the state.</param>
/// <param name="BytesPerTwin">Live heap growth per provisioned twin with every metric's history window full.</param>
/// <param name="SamplesPerMetric">The history window (TwinOptions.HistoryCapacity), verified on a twin.</param>
internal sealed record TwinMemoryResult(string Storage, int Twins, int Metrics, int SamplesPerMetric, double BytesPerTwin)
{
    /// <summary>Live heap for a million such twins, in GiB.</summary>
    public double MillionTwinsGiB => BytesPerTwin * 1_000_000 / (1024.0 * 1024 * 1024);
}
