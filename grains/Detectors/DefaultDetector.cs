namespace SmartCity.Twin.Detectors;

/// <summary>The detector the <c>detect</c> command runs on any <c>timestamp,value</c> series, chosen on labelled data (docs/detection.md).</summary>
public static class DefaultDetector
{
    public static IStreamingDetector Create() => new IidSpikeDetector(new IidSpikeOptions { Confidence = 99.5 });
}
