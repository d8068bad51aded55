using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Grains.Warnings;

namespace SmartCity.Twin.Grains.Hosting;

public static class TwinGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the twin grains need: <see cref="TwinOptions"/> (validated), <see cref="WarningOptions"/> and the <see cref="ProvinceMap"/> of
    /// <see cref="TwinOptions.ProvinceId"/> as a singleton. The grain classes themselves are found by the runtime.
    /// </summary>
    public static IServiceCollection AddTwinGrains(this IServiceCollection services, Action<TwinOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TwinOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options
            .Validate(o => ProvinceMap.AvailableProvinceIds.Contains(o.ProvinceId), $"TwinOptions.ProvinceId must be one of: {string.Join(", ", ProvinceMap.AvailableProvinceIds)}.")
            .Validate(o => o.HistoryCapacity is >= 2 and <= 4096, "TwinOptions.HistoryCapacity must be between 2 and 4096.")
            .Validate(o => o.PersistInterval > TimeSpan.Zero, "TwinOptions.PersistInterval must be positive.")
            .Validate(o => o.MaxClockSkew >= TimeSpan.Zero, "TwinOptions.MaxClockSkew must not be negative.")
            .Validate(o => o.CameraEventCapacity is >= 1 and <= 1024, "TwinOptions.CameraEventCapacity must be between 1 and 1024.");

        services.AddOptions<WarningOptions>();
        services.AddOptions<AlertLifecycleOptions>()
            .Validate(o => o.EscalateAfter.AreValid(), "Alerts:Lifecycle:EscalateAfter times must not be negative (00:00:00 = never).")
            .ValidateOnStart();
        services.TryAddSingleton<TwinChangeFeed>();
        services.TryAddSingleton<AlertChangeFeed>();
        services.TryAddSingleton(sp => ProvinceMap.Load(sp.GetRequiredService<IOptions<TwinOptions>>().Value.ProvinceId));
        return services;
    }
}
