namespace SmartCity.Twin.Grains.Alerts;

/// <summary>Where an alert is in its lifecycle: active → acknowledged → resolved (acknowledging may be skipped).</summary>
public enum AlertStatus
{
    Active,
    Acknowledged,
    Resolved,
}
