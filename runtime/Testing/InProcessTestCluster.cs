using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartCity.Twin.Runtime.Hosting;
using SmartCity.Twin.Runtime.Reminders;
using SmartCity.Twin.Runtime.Storage;

namespace SmartCity.Twin.Runtime.Testing;

/// <summary>
/// A silo in the test process, with a fake clock, for xUnit tests (like Orleans' InProcessTestCluster).
/// <see cref="RestartAsync"/> stops the silo (every grain deactivates and persists) and starts a new one with the
/// same configuration; the default in-memory storage and reminder table are carried over, as a durable store would be.
/// </summary>
public sealed class InProcessTestCluster : IAsyncDisposable
{
    private readonly Action<ISiloBuilder>[] siloConfigurations;
    private readonly Action<IServiceCollection>[] serviceConfigurations;
    private IHost? host;

    internal InProcessTestCluster(FakeTimeProvider timeProvider, Action<ISiloBuilder>[] siloConfigurations, Action<IServiceCollection>[] serviceConfigurations)
    {
        TimeProvider = timeProvider;
        this.siloConfigurations = siloConfigurations;
        this.serviceConfigurations = serviceConfigurations;
    }

    public static InProcessTestClusterBuilder CreateBuilder() => new();

    public FakeTimeProvider TimeProvider { get; }

    public IServiceProvider Services => Host.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    private IHost Host => host ?? throw new InvalidOperationException("The cluster is stopped.");

    /// <summary>How many grain activations the silo holds now.</summary>
    public int ActivationCount => Services.GetRequiredService<GrainRuntime>().Directory.Count;

    public async Task RestartAsync()
    {
        var carriedOver = new CarriedOverStores(
            Host.Services.GetKeyedService<IGrainStorage>(GrainStorageNames.Default),
            Host.Services.GetService<IReminderTable>());
        await StopSiloAsync();
        await StartSiloAsync(carriedOver);
    }

    internal async Task StartSiloAsync(CarriedOverStores? carriedOver)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(TimeProvider);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));
        foreach (var configure in serviceConfigurations)
        {
            configure(builder.Services);
        }

        builder.Services.AddGrainRuntime(silo =>
        {
            foreach (var configure in siloConfigurations)
            {
                configure(silo);
            }

            if (!silo.Services.Any(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, GrainStorageNames.Default)))
            {
                silo.AddMemoryGrainStorage();
            }

            if (!silo.Services.Any(d => d.ServiceType == typeof(IReminderTable)))
            {
                silo.UseInMemoryReminders();
            }

            if (carriedOver?.Storage is { } storage && storage is MemoryGrainStorage)
            {
                silo.Services.AddKeyedSingleton(GrainStorageNames.Default, storage);
            }

            if (carriedOver?.Reminders is { } reminders && reminders is MemoryReminderTable)
            {
                silo.Services.AddSingleton(reminders);
            }
        });

        host = builder.Build();
        await host.StartAsync();
    }

    private async Task StopSiloAsync()
    {
        if (host is null)
        {
            return;
        }

        await host.StopAsync();
        host.Dispose();
        host = null;
    }

    public async ValueTask DisposeAsync() => await StopSiloAsync();
}
