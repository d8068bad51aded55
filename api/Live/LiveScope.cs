namespace SmartCity.Twin.Api.Live;

/// <summary>What a live subscription follows; each Subscribe method of the hub makes one.</summary>
internal enum LiveScope
{
    Twin,
    District,
    Bounds,
    Kind,
    Alerts,
}
