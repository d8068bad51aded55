namespace SmartCity.Twin.Grains.Alerts;

/// <summary>How urgent an alert is; the dashboard colours and sounds follow it.</summary>
public enum AlertSeverity
{
    Info,
    Low,
    Medium,
    High,
    Critical,
}
