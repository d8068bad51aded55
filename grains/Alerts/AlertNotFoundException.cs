namespace SmartCity.Twin.Grains.Alerts;

/// <summary>No alert with this id was ever raised.</summary>
public sealed class AlertNotFoundException : KeyNotFoundException
{
    public AlertNotFoundException()
    {
    }

    public AlertNotFoundException(string message) : base(message)
    {
    }

    public AlertNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
