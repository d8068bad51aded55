namespace SmartCity.Twin.Simulators.Drills;

/// <summary>How one ground-truth expectation fared against the twin.</summary>
internal enum ExpectationVerdict
{
    Met,

    NotMet,

    /// <summary>
    /// Not met, but the device is faulty by the simulation's own ground truth at that moment (a dropout for liveness, a
    /// stuck or drifting sensor for its metric): the twin rightly shows the fault, not the scenario.
    /// </summary>
    Excused,

    /// <summary><c>GET /api/v1/twins/{id}</c> does not show it (a panel's state, an officer's presence, camera events).</summary>
    NotInApi,
}
