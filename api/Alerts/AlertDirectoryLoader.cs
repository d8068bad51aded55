using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Runtime.Storage;

namespace SmartCity.Twin.Api.Alerts;

/// <summary>
/// Fills the <see cref="AlertDirectory"/> from grain storage when the silo starts, in the background; list endpoints
/// wait for it (<see cref="IAlertDirectory.Loaded"/>) so an operator never sees a half-empty list after a restart.
/// </summary>
internal sealed class AlertDirectoryLoader(
    AlertDirectory directory,
    IServiceProvider services,
    ILogger<AlertDirectoryLoader> logger) : IHostedService
{
    private readonly CancellationTokenSource stopping = new();
    private Task? loading;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        loading = Task.Run(() => LoadAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Not disposed: a host may stop twice (WebApplicationFactory does), and a timer-less source holds nothing.
        await stopping.CancelAsync().ConfigureAwait(false);
        if (loading is { } task)
        {
            await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = new List<AlertSnapshot>();
        try
        {
            var storage = services.GetKeyedService<IGrainStorage>(GrainStorageNames.Default);
            if (storage is not IGrainStateCatalog catalog)
            {
                AlertDirectoryLog.NoCatalog(logger, storage?.GetType().Name ?? "(none)");
                return;
            }

            var stopwatch = Stopwatch.StartNew();
            await foreach (var row in catalog.ReadAllStatesAsync<AlertState>(AlertState.StateName, AlertState.GrainType, cancellationToken).ConfigureAwait(false))
            {
                if (row.State.Alert is { } alert)
                {
                    stored.Add(alert);
                }
            }

            directory.AddLoaded(stored);
            AlertDirectoryLog.Loaded(logger, stored.Count, stopwatch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping; nobody waits for the rest.
        }
        catch (Exception exception)
        {
            // A broken row or an unreachable database must not stop the silo: the feed still fills the directory.
            AlertDirectoryLog.LoadFailed(logger, exception, stored.Count);
        }
        finally
        {
            directory.CompleteLoad();
        }
    }
}
