namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>What a timeline step does to its target's devices.</summary>
internal enum ScenarioAction
{
    /// <summary>A metric moves linearly from what the device measures to <c>to</c> over <c>over</c>, then stays there.</summary>
    Ramp,

    /// <summary>A metric reads <c>value</c> from now on.</summary>
    Set,

    /// <summary>A metric sticks at the value it had (a stuck sensor).</summary>
    Freeze,

    /// <summary>Ends what earlier steps did to a metric, or to everything (and lets the device's own events through again).</summary>
    Clear,

    /// <summary>The device sends <c>event</c> (once, or <c>every</c> interval <c>until</c> an offset).</summary>
    Event,

    /// <summary>The device drops off without a word (power cut, vandalism): connection lost, then nothing.</summary>
    Silent,

    /// <summary>The device comes back and says it is online.</summary>
    Online,
}
