namespace SmartCity.Twin.Api.Kpis;

/// <summary>An area's devices as the twin directory shows them now.</summary>
internal sealed class LiveArea
{
    public int Devices { get; set; }

    public int Online { get; set; }

    public int Counters { get; set; }

    public SortedDictionary<string, int> Warnings { get; } = new(StringComparer.Ordinal);
}
