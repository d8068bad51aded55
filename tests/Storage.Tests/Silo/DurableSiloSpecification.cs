using SmartCity.Twin.Runtime.Hosting;
using SmartCity.Twin.Runtime.Storage.Tests.Grains;
using SmartCity.Twin.Runtime.Testing;

namespace SmartCity.Twin.Runtime.Storage.Tests.Silo;

/// <summary>
/// What a durable provider must give a silo, end to end through grains: state and reminders outlive the silo. The
/// restarted silo is a new host with new provider instances on the same database, as after a process restart.
/// </summary>
public abstract class DurableSiloSpecification : IAsyncLifetime
{
    private InProcessTestCluster? cluster;

    protected InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("Not started.");

    /// <summary>Registers the provider as default grain storage and as the reminder table.</summary>
    protected abstract void UseProvider(ISiloBuilder silo);

    public async Task InitializeAsync() => cluster = await InProcessTestCluster.CreateBuilder().ConfigureSilo(UseProvider).StartAsync();

    public virtual async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Grain_state_written_before_a_restart_is_read_by_the_next_activation()
    {
        await Cluster.GrainFactory.GetGrain<IMeterGrain>("meter-vu-thu-7").Record(412.5);

        await Cluster.RestartAsync();

        var state = await Cluster.GrainFactory.GetGrain<IMeterGrain>("meter-vu-thu-7").Read();
        Assert.Equal(412.5, state.Reading);
        Assert.Equal("Thành phố Thái Bình", state.District);
    }

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_in_the_restarted_silo()
    {
        await Cluster.GrainFactory.GetGrain<IMeterGrain>("meter-tien-hai-2").ScheduleHourlyReport();

        await Cluster.RestartAsync();
        Cluster.TimeProvider.Advance(TimeSpan.FromHours(2));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await Cluster.GrainFactory.GetGrain<IMeterGrain>("meter-tien-hai-2").Read()).Reports < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the reminder did not fire twice after the restart");
            await Task.Delay(20);
        }
    }
}
