using System.ComponentModel;

namespace SmartCity.Twin.Grains.Alerts;

/// <summary>An alert's stored state: its latest snapshot, <c>null</c> until raised. Public only so that the alert directory can read it from storage.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AlertState
{
    /// <summary>The grain type alerts are stored under.</summary>
    public const string GrainType = "alert";

    /// <summary>The state name alerts are stored under.</summary>
    public const string StateName = "alert";

    public AlertSnapshot? Alert { get; set; }
}
