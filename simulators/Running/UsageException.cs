namespace SmartCity.Twin.Simulators.Running;

/// <summary>
/// The command line cannot be acted on (a bad file, a missing key): the message is one line naming the option or file,
/// printed as it is, and the process exits with <see cref="ExitCodes.BadUsage"/>.
/// </summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
