using SmartCity.Twin.Silo.Health;

namespace SmartCity.Twin.Silo.Tests;

public sealed class SiloReadinessTests
{
    [Fact]
    public void Without_demo_the_silo_is_ready_once_the_host_started()
    {
        var readiness = new SiloReadiness(demoRequired: false);
        Assert.False(readiness.IsReady);

        Assert.True(readiness.MarkHostStarted());

        Assert.True(readiness.IsReady);
    }

    [Fact]
    public void With_demo_the_silo_waits_for_the_province_whatever_the_order()
    {
        var readiness = new SiloReadiness(demoRequired: true);
        Assert.False(readiness.MarkDemoLoaded());
        Assert.False(readiness.IsReady);
        Assert.Equal("grain runtime starting", readiness.Describe());

        Assert.True(readiness.MarkHostStarted());
        Assert.True(readiness.IsReady);
        Assert.False(readiness.MarkHostStarted());
    }

    [Fact]
    public void A_failure_keeps_the_silo_unhealthy_and_says_why()
    {
        var readiness = new SiloReadiness(demoRequired: true);
        readiness.MarkHostStarted();
        readiness.MarkFailed("loading the demo province failed: disk full");
        readiness.MarkDemoLoaded();

        Assert.False(readiness.IsReady);
        Assert.Contains("disk full", readiness.Describe(), StringComparison.Ordinal);
    }
}
