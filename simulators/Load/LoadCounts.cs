namespace SmartCity.Twin.Simulators.Load;

/// <summary>
/// What the fleet's publishes came to: published (handed to a connection), acknowledged (QoS 1 PUBACK with a success
/// code), refused (PUBACK with a failure code) and failed (the connection broke or closed first).
/// </summary>
internal readonly record struct LoadCounts(long Published, long Acknowledged, long Refused, long Failed)
{
    /// <summary>What happened between <paramref name="start"/> and these counts.</summary>
    public LoadCounts Since(LoadCounts start) => new(
        Published - start.Published,
        Acknowledged - start.Acknowledged,
        Refused - start.Refused,
        Failed - start.Failed);
}
