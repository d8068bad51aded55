using SmartCity.Twin.Silo.Configuration;
using SmartCity.Twin.Silo.Hosting;

WebApplication app;
try
{
    app = SiloApplication.Build(args);
}
catch (SiloConfigurationException e)
{
    await Console.Error.WriteLineAsync($"SmartCity.Twin silo: configuration error: {e.Message}");
    return 2;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    // The data folder or the admin key file cannot be created or read.
    await Console.Error.WriteLineAsync($"SmartCity.Twin silo: cannot start: {e.Message}");
    return 1;
}

try
{
    await app.RunAsync();
    return 0;
}
catch (Exception e)
{
    // The host has already logged the full exception; an operator needs the cause (address in use, database
    // unreachable) as the last line and a failing exit code, not a crash dump.
    await Console.Error.WriteLineAsync($"SmartCity.Twin silo: cannot start: {Describe(e)}");
    return 1;
}
finally
{
    await app.DisposeAsync();
}

static string Describe(Exception e)
    => e.InnerException is { } inner && inner.Message != e.Message ? $"{e.Message} ({inner.Message})" : e.Message;

/// <summary>The silo's entry point; public so that integration tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
