namespace SmartCity.Twin.Api.Live;

/// <summary>The live hub's limits, from the <c>Live</c> configuration section. Every default suits a dashboard on a map.</summary>
internal sealed class LiveOptions
{
    public const string SectionName = "Live";

    /// <summary>
    /// At most this many <c>deltas</c> (or <c>alerts</c>) messages a second per subscription; changes in between are
    /// coalesced, latest value wins. The first change after a quiet spell goes out at once. Default 4.
    /// </summary>
    public double MaxPushesPerSecond { get; set; } = 4;

    /// <summary>
    /// Twins (and alerts) waiting to be pushed to one connection, over all its subscriptions. A client whose backlog
    /// grows past this while a send to it is still under way has fallen behind: its pending deltas are dropped and it
    /// gets fresh snapshots. Default 20,000.
    /// </summary>
    public int MaxPendingPerConnection { get; set; } = 20_000;

    /// <summary>A send to a client that has not completed after this long means the client stopped reading; it falls behind. Default 5 s.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Subscriptions one connection may hold at once. Default 100.</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 100;

    /// <summary>
    /// Side of the grid cells viewports are indexed by, in degrees. A change is checked only against viewports that
    /// overlap its cell. Default 0.05° (about 5 km).
    /// </summary>
    public double ViewportCellDegrees { get; set; } = 0.05;

    /// <summary>A viewport covering more cells than this is checked against every change instead of being indexed. Default 4,096.</summary>
    public int MaxCellsPerViewport { get; set; } = 4_096;

    public TimeSpan PushInterval => TimeSpan.FromSeconds(1 / MaxPushesPerSecond);

    /// <summary>Throws when a setting cannot work, naming it.</summary>
    public void Validate()
    {
        if (!double.IsFinite(MaxPushesPerSecond) || MaxPushesPerSecond <= 0 || MaxPushesPerSecond > 1000)
        {
            throw new InvalidOperationException($"Live:MaxPushesPerSecond must be more than 0 and at most 1000 (was {MaxPushesPerSecond}).");
        }

        if (MaxPendingPerConnection < 1)
        {
            throw new InvalidOperationException($"Live:MaxPendingPerConnection must be at least 1 (was {MaxPendingPerConnection}).");
        }

        if (StallTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"Live:StallTimeout must be positive (was {StallTimeout}).");
        }

        if (MaxSubscriptionsPerConnection < 1)
        {
            throw new InvalidOperationException($"Live:MaxSubscriptionsPerConnection must be at least 1 (was {MaxSubscriptionsPerConnection}).");
        }

        if (!double.IsFinite(ViewportCellDegrees) || ViewportCellDegrees <= 0 || ViewportCellDegrees > 90)
        {
            throw new InvalidOperationException($"Live:ViewportCellDegrees must be more than 0 and at most 90 (was {ViewportCellDegrees}).");
        }

        if (MaxCellsPerViewport < 1)
        {
            throw new InvalidOperationException($"Live:MaxCellsPerViewport must be at least 1 (was {MaxCellsPerViewport}).");
        }
    }
}
