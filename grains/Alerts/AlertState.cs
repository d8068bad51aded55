namespace SmartCity.Twin.Grains.Alerts;

/// <summary>An alert's stored state: its latest snapshot, <c>null</c> until raised.</summary>
internal sealed class AlertState
{
    public AlertSnapshot? Alert { get; set; }
}
