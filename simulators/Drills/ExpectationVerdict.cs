namespace SmartCity.Twin.Simulators.Drills;

/// <summary>How one ground-truth expectation fared against the twin.</summary>
internal enum ExpectationVerdict
{
    Met,

    NotMet,

    /// <summary><c>GET /api/v1/twins/{id}</c> does not show it (a panel's state, an officer's presence, camera events).</summary>
    NotInApi,
}
