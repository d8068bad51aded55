using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartCity.Twin.Api.Hosting;
using SmartCity.Twin.Api.Security;
using SmartCity.Twin.Gateways.Devices.Hosting;
using SmartCity.Twin.Gateways.Devices.Identity;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Warnings;
using SmartCity.Twin.Runtime.Hosting;
using SmartCity.Twin.Silo.Auth;
using SmartCity.Twin.Silo.Configuration;
using SmartCity.Twin.Silo.Demo;
using SmartCity.Twin.Silo.Health;
using SmartCity.Twin.Silo.Logging;
using SmartCity.Twin.Web.Hosting;

namespace SmartCity.Twin.Silo.Hosting;

/// <summary>Composes the silo: configuration, grain runtime and storage, demo province, admin key, HTTP endpoints.</summary>
internal static class SiloApplication
{
    /// <summary>Long enough for the runtime to deactivate every activation and write its state on Ctrl+C.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <exception cref="SiloConfigurationException">A setting is missing or invalid.</exception>
    public static WebApplication Build(string[] args)
    {
        // appsettings.json is read from beside the assembly, so the silo behaves the same whatever folder it is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var configuration = builder.Configuration;

        var storage = StorageSettings.FromConfiguration(configuration);
        var demo = DemoSettings.FromConfiguration(configuration);
        Directory.CreateDirectory(storage.DataPath);
        var adminKey = AdminKeyStore.Resolve(configuration, storage.DataPath);

        if (!DefaultUrls.AreConfigured(configuration))
        {
            builder.WebHost.UseUrls(DefaultUrls.Url);
        }

        var services = builder.Services;
        services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        var key = new AdminKey(adminKey.Key);
        services.AddSingleton(key);
        services.AddSingleton<IOperatorKeys, OperatorKeys>();
        services.AddSingleton(new SiloReadiness(demo.Enabled));
        services.AddHostedService<HostStartedListener>();
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<SiloReadinessCheck>("silo");

        services.TryAddSingleton(TimeProvider.System);
        services.AddTwinGrains();
        services.Configure<WarningOptions>(configuration.GetSection(WarningOptions.Section));
        services.Configure<AlertLifecycleOptions>(configuration.GetSection(AlertLifecycleOptions.Section));
        services.AddGrainRuntime(silo => silo
            .AddGrainAssembly(typeof(IDeviceTwin).Assembly)
            .UseConfiguredStorage(storage));

        // Metric history goes to the grain-state database, in its own table.
        services.AddSingleton(storage.ToMetricHistoryDatabase());
        services.AddDeviceEndpoint(configuration);
        services.AddTwinApi(configuration);
        services.AddDashboard(configuration);
        if (demo.Enabled)
        {
            // After the runtime's hosted service: hosts stop services in reverse order, so the demo's devices fall
            // silent before the runtime deactivates the twins and writes their state.
            services.AddSingleton(demo);
            services.AddHostedService<DemoProvince>();
        }

        var app = builder.Build();

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SmartCity.Twin.Silo");
        SiloLog.StorageSelected(logger, storage.Provider, storage.DataPath);
        Announce(adminKey, logger);

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseTwinApi();
        app.MapSiloHealth();
        app.MapDashboard();
        return app;
    }

    private static void Announce(AdminKeyResolution adminKey, ILogger logger)
    {
        switch (adminKey.Source)
        {
            case AdminKeySource.Configured:
                SiloLog.AdminKeyConfigured(logger);
                break;
            case AdminKeySource.Generated:
                SiloLog.AdminKeyGenerated(logger, adminKey.FilePath!);
                // Straight to the console, not the log pipeline: the key must not end up in log storage.
                Console.Out.WriteLine($"Admin API key: {adminKey.Key}");
                Console.Out.WriteLine($"  (stored in {adminKey.FilePath}; it is not printed again)");
                Console.Out.Flush();
                break;
            case AdminKeySource.Stored:
                SiloLog.AdminKeyStored(logger, adminKey.FilePath!);
                break;
        }
    }
}
