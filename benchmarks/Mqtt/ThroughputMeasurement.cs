namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>One throughput phase: messages counted at the measuring point per second, and what the publishers saw.</summary>
internal sealed record ThroughputMeasurement(
    string Name,
    double MessagesPerSecond,
    long Counted,
    TimeSpan Window,
    long Published,
    long Acknowledged,
    long PublisherFailures);
