using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Runtime.Hosting;

namespace SmartCity.Twin.Runtime.Testing;

/// <summary>Configures an <see cref="InProcessTestCluster"/>. Without storage configuration it uses in-memory grain storage and reminders.</summary>
public sealed class InProcessTestClusterBuilder
{
    private readonly List<Action<ISiloBuilder>> siloConfigurations = [];
    private readonly List<Action<IServiceCollection>> serviceConfigurations = [];

    public InProcessTestClusterBuilder ConfigureSilo(Action<ISiloBuilder> configure)
    {
        siloConfigurations.Add(configure);
        return this;
    }

    public InProcessTestClusterBuilder ConfigureServices(Action<IServiceCollection> configure)
    {
        serviceConfigurations.Add(configure);
        return this;
    }

    /// <summary>The clock the cluster starts with. Default: a new <see cref="FakeTimeProvider"/>.</summary>
    public FakeTimeProvider TimeProvider { get; set; } = new();

    public async Task<InProcessTestCluster> StartAsync()
    {
        var cluster = new InProcessTestCluster(TimeProvider, siloConfigurations.ToArray(), serviceConfigurations.ToArray());
        await cluster.StartSiloAsync(carriedOver: null);
        return cluster;
    }
}
