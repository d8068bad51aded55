namespace SmartCity.Twin.Runtime;

/// <summary>
/// A request would enter a non-reentrant grain that is itself waiting, further up the same call chain, for this request:
/// it could never run. Thrown to the caller at once instead of letting the chain hang until the timeout.
/// </summary>
public sealed class CallCycleException : Exception
{
    public CallCycleException(string message) : base(message)
    {
    }

    public CallCycleException()
    {
    }

    public CallCycleException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
