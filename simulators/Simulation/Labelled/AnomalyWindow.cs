namespace SmartCity.Twin.Simulation.Labelled;

/// <summary>One injected anomaly: points <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
internal sealed record AnomalyWindow(InjectedAnomalyKind Kind, int Start, int End, DateTimeOffset From, DateTimeOffset To)
{
    public int Length => End - Start;
}
