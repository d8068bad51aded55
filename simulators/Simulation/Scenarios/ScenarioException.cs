namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>
/// A scenario cannot be read or played: a bad file, an unknown name, a target the province has no device for. The
/// message is one line naming the scenario and the place in it, fit to show a user as it is.
/// </summary>
internal sealed class ScenarioException : Exception
{
    public ScenarioException()
    {
    }

    public ScenarioException(string message)
        : base(message)
    {
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
