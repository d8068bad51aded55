namespace SmartCity.Twin.Grains.Alerts;

/// <summary>The alert is not in a status that allows the requested step (e.g. acknowledging a resolved alert).</summary>
public sealed class AlertTransitionException : InvalidOperationException
{
    public AlertTransitionException()
    {
    }

    public AlertTransitionException(string message) : base(message)
    {
    }

    public AlertTransitionException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
