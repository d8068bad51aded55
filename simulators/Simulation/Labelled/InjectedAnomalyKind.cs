namespace SmartCity.Twin.Simulation.Labelled;

/// <summary>The faults and events injected into a labelled series.</summary>
internal enum InjectedAnomalyKind
{
    /// <summary>One to three points far above normal.</summary>
    Spike,

    /// <summary>One to three points far below normal.</summary>
    Dip,

    /// <summary>The level jumps and stays shifted for a while, then returns.</summary>
    LevelShift,

    /// <summary>An offset growing linearly from zero: a drifting sensor.</summary>
    Drift,

    /// <summary>The sensor repeats one value exactly.</summary>
    Stuck,
}
