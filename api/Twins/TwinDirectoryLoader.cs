using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Runtime.Storage;

namespace SmartCity.Twin.Api.Twins;

/// <summary>
/// Fills the <see cref="TwinDirectory"/> from grain storage when the silo starts, in the background: the silo does not
/// wait for a million rows before serving, and queries made meanwhile see what the change feed brought so far.
/// </summary>
internal sealed class TwinDirectoryLoader(
    TwinDirectory directory,
    IServiceProvider services,
    ILogger<TwinDirectoryLoader> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task? loading;
    private int stopRequested;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        loading = Task.Run(() => LoadAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Hosts (WebApplicationFactory among them) may stop a service more than once.
        if (Interlocked.Exchange(ref stopRequested, 1) == 0)
        {
            await stopping.CancelAsync().ConfigureAwait(false);
        }

        if (loading is { } task)
        {
            await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => stopping.Dispose();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        var readEverything = false;
        try
        {
            var storage = services.GetKeyedService<IGrainStorage>(GrainStorageNames.Default);
            if (storage is not IGrainStateCatalog catalog)
            {
                TwinDirectoryLog.NoCatalog(logger, storage?.GetType().Name ?? "(none)");
                return;
            }

            var stopwatch = Stopwatch.StartNew();
            await foreach (var twin in DeviceTwinCatalog.ReadAllAsync(catalog, cancellationToken).ConfigureAwait(false))
            {
                directory.AddLoaded(twin);
                count++;
            }

            readEverything = true;
            TwinDirectoryLog.Loaded(logger, count, stopwatch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping; nobody waits for the rest.
        }
        catch (Exception exception)
        {
            // A broken row or an unreachable database must not stop the silo: the feed still fills the directory.
            TwinDirectoryLog.LoadFailed(logger, exception, count);
        }
        finally
        {
            directory.CompleteLoad(readEverything);
        }
    }
}
