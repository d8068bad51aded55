using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Runtime.Testing;
using SmartCity.Twin.Runtime.Tests.Grains;

namespace SmartCity.Twin.Runtime.Tests;

internal static class ClusterFixture
{
    public static InProcessTestClusterBuilder CreateBuilder(ActivationJournal? journal = null, TurnGates? gates = null)
        => InProcessTestCluster.CreateBuilder()
            .ConfigureServices(services => services
                .AddSingleton(journal ?? new ActivationJournal())
                .AddSingleton(gates ?? new TurnGates()));

    public static Task<InProcessTestCluster> StartAsync(ActivationJournal? journal = null, TurnGates? gates = null)
        => CreateBuilder(journal, gates).StartAsync();

    /// <summary>Waits until <paramref name="condition"/> holds; grain work started by a fake-clock tick runs on the thread pool.</summary>
    public static async Task Eventually(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out waiting until " + because);
            }

            await Task.Delay(10);
        }
    }
}
