using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Runtime.Testing;

namespace SmartCity.Twin.Grains.Tests.Twins;

internal static class TwinCluster
{
    public static Task<InProcessTestCluster> StartAsync(Action<TwinOptions>? configure = null) =>
        InProcessTestCluster.CreateBuilder()
            .ConfigureServices(services => services.AddTwinGrains(configure))
            .StartAsync();
}
