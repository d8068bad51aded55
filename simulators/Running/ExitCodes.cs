namespace SmartCity.Twin.Simulators.Running;

/// <summary>What the simulators' process returns, for scripts and CI.</summary>
internal static class ExitCodes
{
    public const int Succeeded = 0;

    /// <summary>The run itself failed: the API refused the key, no device could connect.</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong: an unknown option value, a bad file, no API key.</summary>
    public const int BadUsage = 2;
}
