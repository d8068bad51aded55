namespace SmartCity.Twin.Runtime;

/// <summary>A grain call got no response within <c>GrainRuntimeOptions.ResponseTimeout</c> (30 s by default).</summary>
public sealed class GrainRequestTimeoutException : TimeoutException
{
    public GrainRequestTimeoutException(string message) : base(message)
    {
    }

    public GrainRequestTimeoutException()
    {
    }

    public GrainRequestTimeoutException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
