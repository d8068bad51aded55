namespace SmartCity.Twin.Api.Documentation;

/// <summary>The names the OpenAPI document gives the three ways to authenticate.</summary>
internal static class TwinApiSecuritySchemes
{
    public const string ApiKey = "apiKey";

    public const string Bearer = "bearer";

    public const string Cookie = "cookie";

    /// <summary>The dashboard's session cookie, as the login endpoint sets it.</summary>
    public const string CookieName = "twin_session";
}
