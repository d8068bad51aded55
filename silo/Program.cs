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

try
{
    await app.RunAsync();
    return 0;
}
catch (IOException e)
{
    // Typically the address is in use; the message names it, a stack trace would only bury it.
    await Console.Error.WriteLineAsync($"SmartCity.Twin silo: cannot start: {e.Message}");
    return 1;
}
finally
{
    await app.DisposeAsync();
}
