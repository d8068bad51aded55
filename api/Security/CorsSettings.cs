namespace SmartCity.Twin.Api.Security;

/// <summary>The <c>Cors</c> section.</summary>
internal sealed class CorsSettings
{
    public const string SectionName = "Cors";

    /// <summary>
    /// Web origins (<c>https://dashboard.example.vn</c>) whose pages may call the API from the browser, with cookies.
    /// Empty (the default): no cross-origin access at all.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}
