namespace SmartCity.Twin.Grains.Warnings.Intrusion;

/// <summary>What made a camera's intrusion begin.</summary>
internal enum IntrusionCause
{
    None,

    /// <summary>The analytics reported an intrusion.</summary>
    IntrusionEvent,

    /// <summary>Repeated motion in the restricted zone.</summary>
    RestrictedZone,

    /// <summary>A burst of motion in the restricted hours, far above the camera's usual activity for the hour.</summary>
    NightBurst,
}
