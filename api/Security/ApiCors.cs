using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SmartCity.Twin.Api.Security;

/// <summary>Cross-origin access for the origins of <c>Cors:AllowedOrigins</c> only, credentials included; nobody else.</summary>
internal static class ApiCors
{
    public static IServiceCollection AddApiCors(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<CorsSettings>()
            .Bind(configuration.GetSection(CorsSettings.SectionName))
            .Validate(s => s.AllowedOrigins.All(IsOrigin), "Cors:AllowedOrigins holds origins like https://dashboard.example.vn (scheme, host, optional port; no path, no '*').")
            .ValidateOnStart();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CorsSettings>>((cors, settings) =>
            cors.AddDefaultPolicy(policy =>
            {
                var origins = settings.Value.AllowedOrigins.Select(o => o.TrimEnd('/')).ToArray();
                policy.WithOrigins(origins)
                    .AllowAnyHeader()
                    .AllowAnyMethod()
                    .AllowCredentials()
                    .WithExposedHeaders("Location", "Retry-After")
                    .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
            }));
        return services;
    }

    private static bool IsOrigin(string? text)
        => Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.AbsolutePath == "/"
            && string.IsNullOrEmpty(uri.Query)
            && !text!.Contains('*', StringComparison.Ordinal);
}
