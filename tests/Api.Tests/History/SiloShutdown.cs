using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartCity.Twin.Api.History;

namespace SmartCity.Twin.Api.Tests.History;

/// <summary>
/// Stops a test silo once, the way its own shutdown does, before WebApplicationFactory stops the host twice (once
/// itself, once through the app's run loop). Overlapping grain-runtime stops can wait out the 30-second shutdown
/// timeout, and a second stop of the twin directory loader throws ObjectDisposedException; neither is what these
/// tests are about, so after the silo has stopped once, exceptions of that double stop are ignored.
/// </summary>
internal static class SiloShutdown
{
    /// <summary>Writes the history still in memory (the recorder's shutdown step), then deactivates every grain (saving its state).</summary>
    public static async Task StopOnceAsync(IServiceProvider services)
    {
        await services.GetRequiredService<MetricHistoryRecorder>().StopAsync(CancellationToken.None);
        await services.GetServices<IHostedService>().Single(s => s.GetType().Name == "GrainRuntimeHostedService").StopAsync(CancellationToken.None);
    }

    public static void DisposeAfterStop(Action dispose)
    {
        try
        {
            dispose();
        }
        catch (Exception e) when (IsSecondStop(e))
        {
        }
    }

    private static bool IsSecondStop(Exception e) => e switch
    {
        ObjectDisposedException disposed => disposed.ObjectName == typeof(CancellationTokenSource).FullName,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsSecondStop),
        _ => false,
    };
}
