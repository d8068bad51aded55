namespace SmartCity.Twin.Web.Hosting;

/// <summary>One built file of the dashboard, with its gzip twin when the build wrote one.</summary>
internal sealed record DashboardAsset(string Path, byte[] Content, byte[]? Gzipped, string ContentType, string ETag, bool IsFingerprinted);
