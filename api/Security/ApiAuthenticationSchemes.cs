using Microsoft.AspNetCore.Authentication.BearerToken;

namespace SmartCity.Twin.Api.Security;

/// <summary>
/// The authentication schemes of the API. <see cref="Selector"/> is the default: it forwards each request to the
/// scheme its credentials belong to, so endpoints never name a scheme.
/// </summary>
internal static class ApiAuthenticationSchemes
{
    public const string Selector = "Twin";

    public const string ApiKey = ApiKeyAuthenticationHandler.SchemeName;

    /// <summary>The framework's bearer token scheme: only its token format and protector are used.</summary>
    public const string Bearer = BearerTokenDefaults.AuthenticationScheme;

    /// <summary>Bearer tokens from login, checked against the current accounts (<see cref="OperatorTokenHandler"/>).</summary>
    public const string OperatorToken = OperatorTokenHandler.SchemeName;

    public const string Cookie = "TwinSession";

    /// <summary>Where browsers open the live hub; WebSockets from a browser cannot carry an Authorization header.</summary>
    public const string LiveHubPath = "/hubs/twin";

    /// <summary>The query parameter that carries the bearer token to the live hub (the SignalR client's convention).</summary>
    public const string AccessTokenQuery = "access_token";
}
