using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace SmartCity.Twin.Web.Hosting;

/// <summary>
/// Serves the dashboard: the page at <c>/</c>, its bundle under <c>/assets/</c> (gzip when the browser takes it,
/// ETags, a year's cache for fingerprinted files) and <c>/dashboard/settings.json</c>. All anonymous: the page signs
/// the operator in against the API, which is where authorization is.
/// </summary>
public static class DashboardEndpoints
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.Configure<DashboardOptions>(configuration.GetSection(DashboardOptions.Section));
        services.AddSingleton(_ => DashboardAssets.Load());
        return services;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext http, DashboardAssets embedded, IOptions<DashboardOptions> options) =>
                Assets(embedded, options.Value).Index is { } index
                    ? Serve(http, index, options.Value)
                    : Results.Problem(
                        "The dashboard was not built into this silo. Build the solution with Node.js and npm on PATH (the web project runs npm ci and npm run build).",
                        statusCode: StatusCodes.Status503ServiceUnavailable,
                        title: "Dashboard not built"))
            .ExcludeFromDescription()
            .AllowAnonymous();

        endpoints.MapGet("/assets/{**path}", (string path, HttpContext http, DashboardAssets embedded, IOptions<DashboardOptions> options) =>
                Assets(embedded, options.Value).Find("assets/" + path) is { } asset
                    ? Serve(http, asset, options.Value)
                    : Results.Problem($"The dashboard has no file 'assets/{path}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found"))
            .ExcludeFromDescription()
            .AllowAnonymous();

        endpoints.MapGet("/dashboard/settings.json", (IOptions<DashboardOptions> options) =>
                Results.Text(Settings(options.Value), "application/json"))
            .ExcludeFromDescription()
            .AllowAnonymous();

        return endpoints;
    }

    private static DashboardAssets Assets(DashboardAssets embedded, DashboardOptions options)
        => string.IsNullOrEmpty(options.Folder) ? embedded : DashboardAssets.Load(options.Folder);

    private static IResult Serve(HttpContext http, DashboardAsset asset, DashboardOptions options)
    {
        var headers = http.Response.Headers;
        headers.ETag = asset.ETag;
        headers.Vary = HeaderNames.AcceptEncoding;
        headers.CacheControl = asset.IsFingerprinted ? "public, max-age=31536000, immutable" : "no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (asset.Path == "index.html")
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy(options);
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
        }

        if (http.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (asset.Gzipped is { } gzipped && AcceptsGzip(http.Request))
        {
            headers.ContentEncoding = "gzip";
            return Results.Bytes(gzipped, asset.ContentType);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static bool AcceptsGzip(HttpRequest request)
        => request.Headers.AcceptEncoding.Any(value => value is not null && value.Contains("gzip", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Only our own origin, plus the configured style's, may serve code, data and tiles; MapLibre's worker and images
    /// come from blob: URLs and inline styles are set by the map on its own elements.
    /// </summary>
    private static string ContentSecurityPolicy(DashboardOptions options)
    {
        var tiles = options.StyleUrl is { } style ? " " + style.GetLeftPart(UriPartial.Authority) : "";
        return "default-src 'self'; script-src 'self'; worker-src 'self' blob:; child-src 'self' blob:; img-src 'self' data: blob:" + tiles
            + "; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:" + tiles + "; font-src 'self'" + tiles
            + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    }

    private static string Settings(DashboardOptions options)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("styleUrl", options.StyleUrl?.ToString());
            writer.WriteString("timeZone", "Asia/Ho_Chi_Minh");
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
