using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Hosting;

namespace SmartCity.Twin.Grains.Tests.Alerts;

public sealed class AlertLifecycleOptionsTests
{
    [Fact]
    public void A_negative_escalation_time_is_refused_naming_the_setting()
    {
        using var services = new ServiceCollection()
            .AddTwinGrains()
            .Configure<AlertLifecycleOptions>(o => o.EscalateAfter.Medium = TimeSpan.FromMinutes(-5))
            .BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AlertLifecycleOptions>>().Value);

        Assert.Contains("Alerts:Lifecycle:EscalateAfter", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_routine_types_resolve_themselves_and_safety_types_do_not()
    {
        var types = new AlertLifecycleOptions().AutoResolveTypeSet();

        Assert.Equal(
            [WarningTypes.Congestion, WarningTypes.Fault, WarningTypes.OfficerAbsent, WarningTypes.Offline, WarningTypes.Pollution, WarningTypes.QueueOverload, WarningTypes.SensorFault],
            types.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(AlertSeverity.Critical, 2)]
    [InlineData(AlertSeverity.High, 5)]
    [InlineData(AlertSeverity.Medium, 15)]
    public void By_default_an_unacknowledged_alert_waits_minutes_by_severity_before_escalating(AlertSeverity severity, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), new AlertEscalationTimes().For(severity));

    [Theory]
    [InlineData(AlertSeverity.Low)]
    [InlineData(AlertSeverity.Info)]
    public void By_default_low_and_info_alerts_never_escalate(AlertSeverity severity) =>
        Assert.Null(new AlertEscalationTimes().For(severity));
}
