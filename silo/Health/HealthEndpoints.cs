using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartCity.Twin.Silo.Health;

/// <summary><c>GET /healthz</c>: 200 when ready, 503 before, with a one-line reason either way.</summary>
internal static class HealthEndpoints
{
    public const string Path = "/healthz";

    public static IEndpointConventionBuilder MapSiloHealth(this IEndpointRouteBuilder endpoints)
        => endpoints.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        // Load balancers and scripts poll this: never cache it.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "application/json; charset=utf-8";
        var detail = report.Entries.Values.Select(e => e.Description).FirstOrDefault(d => d is not null);
        return JsonSerializer.SerializeAsync(
            context.Response.Body,
            new HealthResponse(report.Status.ToString(), detail),
            SiloJsonContext.Default.HealthResponse,
            context.RequestAborted);
    }
}
