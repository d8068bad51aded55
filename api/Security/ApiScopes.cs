namespace SmartCity.Twin.Api.Security;

/// <summary>
/// What an API key may do; operators get them from their role (viewer: read; operator: read and commands;
/// admin: everything). A principal carries each granted scope as a <see cref="ClaimType"/> claim.
/// </summary>
public static class ApiScopes
{
    public const string ClaimType = "scope";

    /// <summary>Twins, districts, province, history, KPIs, the live twin feed.</summary>
    public const string ReadTwins = "read:twins";

    /// <summary>Alerts and incidents, and their live feed.</summary>
    public const string ReadAlerts = "read:alerts";

    /// <summary>Commands and desired properties to devices.</summary>
    public const string WriteCommands = "write:commands";

    /// <summary>
    /// Publish device messages on behalf of any registered device: for gateways and simulators. Over MQTT (the key as
    /// password) on the devices' own topics, over HTTP on the ingestion endpoints.
    /// </summary>
    public const string WriteTelemetry = "write:telemetry";

    /// <summary>Provisioning and deleting twins, users and API keys, gateway status; implies every other scope.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [ReadTwins, ReadAlerts, WriteCommands, WriteTelemetry, Admin];
}
