namespace SmartCity.Twin.Grains.Warnings.Fire;

/// <summary>Which of the panel's readings made the fire rule speak.</summary>
internal enum FireCause
{
    None,

    /// <summary>Temperature at or above the fixed point (<c>fire</c>).</summary>
    FixedTemperature,

    /// <summary>Temperature rising faster than the rate-of-rise limit (<c>fire</c>).</summary>
    RateOfRise,

    /// <summary>Smoke obscuration above the pre-alarm level and rising (<c>fire-pre-alarm</c>).</summary>
    SmokeRising,

    /// <summary>Temperature and smoke both anomalous against the panel's own baseline (<c>fire-pre-alarm</c>).</summary>
    Anomalies,
}
