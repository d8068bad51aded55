namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>Memory of a server holding idle connections: resident set and (for .NET) GC heap, before and after.</summary>
internal sealed record IdleMeasurement(
    string Name,
    int Connections,
    long ResidentBefore,
    long ResidentAfter,
    long? HeapBefore,
    long? HeapAfter)
{
    public double ResidentPerConnection => (ResidentAfter - ResidentBefore) / (double)Connections;

    public double? HeapPerConnection => HeapAfter is { } after && HeapBefore is { } before ? (after - before) / (double)Connections : null;
}
