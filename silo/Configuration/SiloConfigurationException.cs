namespace SmartCity.Twin.Silo.Configuration;

/// <summary>
/// A setting the silo cannot start with. Program prints <see cref="Exception.Message"/> and exits non-zero,
/// because an operator needs the name of the key to fix, not a stack trace.
/// </summary>
internal sealed class SiloConfigurationException : Exception
{
    public SiloConfigurationException(string message)
        : base(message)
    {
    }

    public SiloConfigurationException()
    {
    }

    public SiloConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
