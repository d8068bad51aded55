using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartCity.Twin.Api.History;

namespace SmartCity.Twin.Api.Tests.History;

/// <summary>
/// Stops a test silo once, the way its own shutdown does, before WebApplicationFactory stops the host twice (once
/// itself, once through the app's run loop): history is written and grains saved at a known point, whatever the
/// overlapping stops do afterwards. A second stop that trips over a token source the first one disposed is not what
/// these tests are about, so that exception alone is ignored.
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
