using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmartCity.Twin.Runtime.Hosting;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime: <see cref="IGrainFactory"/>, and a hosted service that starts reminders and idle
    /// collection and deactivates every grain when the host stops. Grains are found in the assemblies the entry
    /// assembly references; add others with <see cref="AddGrainAssembly"/>. The runtime uses the
    /// <see cref="TimeProvider"/> registered in the container, or <see cref="TimeProvider.System"/>.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<ISiloBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GrainRuntimeOptions>();
        services.AddOptions<GrainCollectionOptions>();
        services.AddOptions<ReminderOptions>();
        services.TryAddSingleton<GrainClassCatalog>();
        services.TryAddSingleton(sp => new GrainRuntime(
            sp,
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GrainRuntimeOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GrainCollectionOptions>>(),
            sp.GetRequiredService<GrainClassCatalog>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<GrainRuntime>>(),
            sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddHostedService<GrainRuntimeHostedService>();
        configure?.Invoke(new SiloBuilder(services));
        return services;
    }

    /// <summary>Hosts the grains of <paramref name="assembly"/> even if the entry assembly does not reference it (tests, plug-ins).</summary>
    public static ISiloBuilder AddGrainAssembly(this ISiloBuilder builder, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new GrainAssembly(assembly));
        return builder;
    }

    /// <summary>Configures runtime options (response timeout, turns per schedule).</summary>
    public static ISiloBuilder Configure<TOptions>(this ISiloBuilder builder, Action<TOptions> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }
}
