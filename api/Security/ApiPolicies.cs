namespace SmartCity.Twin.Api.Security;

/// <summary>Authorization policy names for <c>RequireAuthorization(...)</c>; every API endpoint names exactly one.</summary>
internal static class ApiPolicies
{
    public const string ReadTwins = ApiScopes.ReadTwins;

    public const string ReadAlerts = ApiScopes.ReadAlerts;

    public const string WriteCommands = ApiScopes.WriteCommands;

    public const string Admin = ApiScopes.Admin;

    /// <summary>Acknowledge, resolve, comment: an operator or admin signed in, or the <c>admin</c> scope. Not for third-party keys.</summary>
    public const string HandleAlerts = "handle:alerts";

    /// <summary>Anyone signed in or holding a valid key, whatever their scopes (e.g. <c>GET /api/v1/auth/me</c>).</summary>
    public const string Authenticated = "authenticated";
}
