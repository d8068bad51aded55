using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartCity.Twin.Runtime.Storage;

namespace SmartCity.Twin.Api.Hosting;

/// <summary>
/// Fills an in-memory directory from grain storage when the silo starts, in the background: the silo does not wait
/// for a million rows before serving, and the directory answers meanwhile from what its change feed brought. A storage
/// provider without a catalog, a broken row or an unreachable database leaves the directory to the feed and never
/// stops the silo; the directory is told the load is over whatever happened.
/// </summary>
internal abstract class StoredStateLoader(IServiceProvider services) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task? loading;
    private int stopRequested;

    /// <summary>States read so far, for the failure report.</summary>
    protected int Count { get; set; }

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

    /// <summary>Reads every stored state into the directory, counting them in <see cref="Count"/>.</summary>
    protected abstract Task ReadAsync(IGrainStateCatalog catalog, CancellationToken cancellationToken);

    /// <param name="readEverything"><c>false</c> when the load was cut short or impossible.</param>
    protected abstract void Complete(bool readEverything);

    protected abstract void LogNoCatalog(string storageType);

    protected abstract void LogLoaded(long elapsedMs);

    protected abstract void LogLoadFailed(Exception exception);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var readEverything = false;
        try
        {
            var storage = services.GetKeyedService<IGrainStorage>(GrainStorageNames.Default);
            if (storage is not IGrainStateCatalog catalog)
            {
                LogNoCatalog(storage?.GetType().Name ?? "(none)");
                return;
            }

            var stopwatch = Stopwatch.StartNew();
            await ReadAsync(catalog, cancellationToken).ConfigureAwait(false);
            readEverything = true;
            LogLoaded(stopwatch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping; nobody waits for the rest.
        }
        catch (Exception exception)
        {
            LogLoadFailed(exception);
        }
        finally
        {
            Complete(readEverything);
        }
    }
}
