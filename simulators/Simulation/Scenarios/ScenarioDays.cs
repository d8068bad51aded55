namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>Which days a scenario's start may fall on.</summary>
internal enum ScenarioDays
{
    Any,

    /// <summary>Monday to Friday: public-service centres are open all day, commuters make rush hours.</summary>
    Weekdays,

    Weekend,
}
