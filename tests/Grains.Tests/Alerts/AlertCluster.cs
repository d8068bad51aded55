using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Runtime.Testing;

namespace SmartCity.Twin.Grains.Tests.Alerts;

internal static class AlertCluster
{
    public static Task<InProcessTestCluster> StartAsync(RecordingAlertObserver observer, Action<AlertLifecycleOptions>? lifecycle = null) =>
        InProcessTestCluster.CreateBuilder()
            .ConfigureServices(services =>
            {
                services.AddTwinGrains().AddSingleton<IAlertObserver>(observer);
                if (lifecycle is not null)
                {
                    services.Configure(lifecycle);
                }
            })
            .StartAsync();
}
