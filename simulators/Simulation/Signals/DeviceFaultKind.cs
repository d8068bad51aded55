namespace SmartCity.Twin.Simulation.Signals;

/// <summary>How a faulty device misbehaves.</summary>
internal enum DeviceFaultKind
{
    /// <summary>Readings skipped now and then, and outages of minutes to an hour (the connection drops, later comes back).</summary>
    Dropout,

    /// <summary>One metric frozen at its last value for hours.</summary>
    Stuck,

    /// <summary>One metric reads high by a bias that grows slowly.</summary>
    Drift,
}
