using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Grains.Tests.Alerts;

public sealed class AlertSeverityTests
{
    [Theory]
    [InlineData(WarningTypes.Fire, AlertSeverity.Critical)]
    [InlineData(WarningTypes.Intrusion, AlertSeverity.High)]
    [InlineData(WarningTypes.Tamper, AlertSeverity.High)]
    [InlineData(WarningTypes.FirePreAlarm, AlertSeverity.Medium)]
    [InlineData(WarningTypes.Pollution, AlertSeverity.Medium)]
    [InlineData(WarningTypes.Congestion, AlertSeverity.Medium)]
    [InlineData(WarningTypes.OfficerAbsent, AlertSeverity.Medium)]
    [InlineData(WarningTypes.Offline, AlertSeverity.Medium)]
    [InlineData(WarningTypes.SensorFault, AlertSeverity.Low)]
    [InlineData(WarningTypes.Fault, AlertSeverity.Low)]
    [InlineData(WarningTypes.QueueOverload, AlertSeverity.Low)]
    [InlineData("flooding", AlertSeverity.Medium)]
    public void A_warning_types_alert_has_the_severity_the_ioc_ranks_it_at(string type, AlertSeverity expected) =>
        Assert.Equal(expected, AlertSeverities.Of(type));
}
