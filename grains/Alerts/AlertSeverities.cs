using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Grains.Alerts;

/// <summary>The severity of each warning type, as the IOC's response procedures rank them.</summary>
public static class AlertSeverities
{
    /// <summary>A type not listed is <see cref="AlertSeverity.Medium"/>: someone should look, nobody should be woken.</summary>
    public static AlertSeverity Of(string warningType) => warningType switch
    {
        WarningTypes.Fire => AlertSeverity.Critical,
        WarningTypes.Intrusion or WarningTypes.Tamper or WarningTypes.Smoke => AlertSeverity.High,
        WarningTypes.FirePreAlarm or WarningTypes.Pollution or WarningTypes.Congestion or WarningTypes.OfficerAbsent or WarningTypes.Offline => AlertSeverity.Medium,
        WarningTypes.SensorFault or WarningTypes.Fault or WarningTypes.QueueOverload => AlertSeverity.Low,
        _ => AlertSeverity.Medium,
    };
}
