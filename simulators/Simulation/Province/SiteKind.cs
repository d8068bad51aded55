namespace SmartCity.Twin.Simulation.Province;

/// <summary>What kind of place a device serves; it sets the rhythm of the site (school bells, opening hours, rush hours).</summary>
internal enum SiteKind
{
    /// <summary>A market, an industrial park, a monitoring station: busy in the daytime.</summary>
    PublicPlace,

    /// <summary>The public-service centre or a citizen-reception office: busy in opening hours.</summary>
    Office,

    /// <summary>Busy around the clock.</summary>
    Hospital,

    /// <summary>Busy when pupils arrive, at the midday break and when they leave, on weekdays.</summary>
    School,

    /// <summary>A signalised intersection: follows the traffic.</summary>
    Intersection,
}
