using SmartCity.Twin.Silo.Logging;

namespace SmartCity.Twin.Silo.Health;

/// <summary>
/// Marks the host started when <see cref="IHostApplicationLifetime.ApplicationStarted"/> fires: by then every hosted
/// service, the grain runtime's among them, has finished starting and Kestrel is listening.
/// </summary>
internal sealed class HostStartedListener(
    IHostApplicationLifetime lifetime,
    SiloReadiness readiness,
    ILogger<HostStartedListener> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            if (readiness.MarkHostStarted())
            {
                SiloLog.Ready(logger);
            }
        });
        lifetime.ApplicationStopping.Register(() => SiloLog.Stopping(logger));
        lifetime.ApplicationStopped.Register(() => SiloLog.Stopped(logger));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
