using Microsoft.Extensions.Logging;
using SmartCity.Twin.Api.Hosting;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Runtime.Storage;

namespace SmartCity.Twin.Api.Alerts;

/// <summary>
/// Fills the <see cref="AlertDirectory"/> from grain storage at startup, in the background; list endpoints wait for it
/// (<see cref="IAlertDirectory.Loaded"/>) so an operator never sees a half-empty list after a restart.
/// </summary>
internal sealed class AlertDirectoryLoader(
    AlertDirectory directory,
    IServiceProvider services,
    ILogger<AlertDirectoryLoader> logger) : StoredStateLoader(services)
{
    protected override async Task ReadAsync(IGrainStateCatalog catalog, CancellationToken cancellationToken)
    {
        // All at once, not one by one: the directory replays them oldest first so incidents form as they did.
        var stored = new List<AlertSnapshot>();
        await foreach (var row in catalog.ReadAllStatesAsync<AlertState>(AlertState.StateName, AlertState.GrainType, cancellationToken).ConfigureAwait(false))
        {
            if (row.State.Alert is { } alert)
            {
                stored.Add(alert);
                Count++;
            }
        }

        directory.AddLoaded(stored);
    }

    protected override void Complete(bool readEverything) => directory.CompleteLoad();

    protected override void LogNoCatalog(string storageType) => AlertDirectoryLog.NoCatalog(logger, storageType);

    protected override void LogLoaded(long elapsedMs) => AlertDirectoryLog.Loaded(logger, Count, elapsedMs);

    protected override void LogLoadFailed(Exception exception) => AlertDirectoryLog.LoadFailed(logger, exception, Count);
}
