namespace SmartCity.Twin.Simulators.Provisioning;

/// <summary>The twin's API refused a request; the message carries the status and the problem's title and detail.</summary>
internal sealed class TwinApiException : Exception
{
    public TwinApiException()
    {
    }

    public TwinApiException(string message)
        : base(message)
    {
    }

    public TwinApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
