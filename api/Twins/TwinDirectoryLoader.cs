using Microsoft.Extensions.Logging;
using SmartCity.Twin.Api.Hosting;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Runtime.Storage;

namespace SmartCity.Twin.Api.Twins;

/// <summary>Fills the <see cref="TwinDirectory"/> from grain storage at startup, in the background; queries made meanwhile see what the change feed brought so far.</summary>
internal sealed class TwinDirectoryLoader(
    TwinDirectory directory,
    IServiceProvider services,
    ILogger<TwinDirectoryLoader> logger) : StoredStateLoader(services)
{
    protected override async Task ReadAsync(IGrainStateCatalog catalog, CancellationToken cancellationToken)
    {
        await foreach (var twin in DeviceTwinCatalog.ReadAllAsync(catalog, cancellationToken).ConfigureAwait(false))
        {
            directory.AddLoaded(twin);
            Count++;
        }
    }

    protected override void Complete(bool readEverything) => directory.CompleteLoad(readEverything);

    protected override void LogNoCatalog(string storageType) => TwinDirectoryLog.NoCatalog(logger, storageType);

    protected override void LogLoaded(long elapsedMs) => TwinDirectoryLog.Loaded(logger, Count, elapsedMs);

    protected override void LogLoadFailed(Exception exception) => TwinDirectoryLog.LoadFailed(logger, exception, Count);
}
