using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartCity.Twin.Benchmarks.Grains;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Warnings;
using SmartCity.Twin.Runtime;
using SmartCity.Twin.Runtime.Hosting;
using SmartCity.Twin.Runtime.Storage;

namespace SmartCity.Twin.Benchmarks.Hosting;

/// <summary>The grain runtime hosted in-process the way the silo hosts it, with the twin grains and this project's benchmark grains.</summary>
internal sealed class BenchmarkSilo : IAsyncDisposable
{
    private readonly IHost host;

    private BenchmarkSilo(IHost host)
    {
        this.host = host;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
        ProvinceMap = host.Services.GetRequiredService<ProvinceMap>();
    }

    public IGrainFactory Grains { get; }

    public ProvinceMap ProvinceMap { get; }

    /// <param name="discardStorage">Keep no state in process (see <see cref="DiscardingGrainStorage"/>) instead of the in-memory provider.</param>
    /// <param name="configureTwins">Twin options; defaults are production defaults.</param>
    /// <param name="detectors">Whether the twins run their detectors (<see cref="WarningOptions.Enabled"/>), as in production by default.</param>
    public static async Task<BenchmarkSilo> StartAsync(bool discardStorage = false, Action<TwinOptions>? configureTwins = null, bool detectors = true)
    {
        var builder = Host.CreateApplicationBuilder();
        // Warnings only: per-call logging would be the benchmark's bottleneck, and the silo runs at Information in production.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddTwinGrains(configureTwins);
        services.Configure<WarningOptions>(options => options.Enabled = detectors);
        services.AddGrainRuntime(silo =>
        {
            silo.AddGrainAssembly(typeof(IDeviceTwin).Assembly).AddGrainAssembly(typeof(IIdleGrain).Assembly);
            if (discardStorage)
            {
                silo.Services.AddKeyedSingleton<IGrainStorage, DiscardingGrainStorage>(GrainStorageNames.Default);
                silo.UseInMemoryReminders();
            }
            else
            {
                silo.AddMemoryGrainStorage().UseInMemoryReminders();
            }
        });

        var host = builder.Build();
        await host.StartAsync();
        return new BenchmarkSilo(host);
    }

    /// <summary>Stops the host, which deactivates (and persists) every activation, as Ctrl+C does to the silo.</summary>
    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
