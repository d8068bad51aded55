namespace SmartCity.Twin.Silo.Hosting;

/// <summary>The silo listens on <see cref="Url"/> unless the operator chose addresses by any standard ASP.NET Core means.</summary>
internal static class DefaultUrls
{
    public const string Url = "http://localhost:5080";

    // "urls" covers --urls, ASPNETCORE_URLS and DOTNET_URLS; the ports keys and Kestrel:Endpoints are the other ways.
    private static readonly string[] AddressKeys = ["urls", "http_ports", "https_ports"];

    public static bool AreConfigured(IConfiguration configuration)
        => AddressKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]))
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
}
