namespace SmartCity.Twin.Web.Hosting;

/// <summary>The <c>Dashboard</c> section. Nothing is needed: by default the dashboard draws its base map itself.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>
    /// <c>Dashboard:StyleUrl</c>, default none: a MapLibre style URL (on the site's own tile server) drawn under the
    /// twin's layers. Without one the base map is the province and district polygons from the API, so the dashboard
    /// works on a closed IOC network.
    /// </summary>
    public Uri? StyleUrl { get; set; }

    /// <summary>
    /// <c>Dashboard:Folder</c>, default none (the bundle built into the silo): a folder written by
    /// <c>node web/build.mjs --out FOLDER</c>, read again on every request, for working on web/ without rebuilding the
    /// silo.
    /// </summary>
    public string? Folder { get; set; }
}
