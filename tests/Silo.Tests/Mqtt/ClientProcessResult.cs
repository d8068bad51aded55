namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>How a third-party client process ended: its exit code and everything it printed.</summary>
internal sealed record ClientProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit code {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
