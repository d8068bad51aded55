namespace SmartCity.Twin.Api.Documentation;

/// <summary>The <c>Api</c> configuration section: how much a client may send.</summary>
internal sealed class ApiRequestLimits
{
    public const string Section = "Api";

    /// <summary>1 MiB: far above any twin, command or telemetry batch, far below what would hurt the silo.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary><c>Api:MaxRequestBodyBytes</c>: the largest request body under <c>/api</c>, unless an endpoint declares its own limit.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;
}
