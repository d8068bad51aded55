using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SmartCity.Twin.Api.Documentation;

/// <summary>
/// How the API answers bad input: a 4xx <c>application/problem+json</c> for every error a client can cause —
/// bodies it cannot bind, bodies over the limit, unknown routes and wrong methods under <c>/api</c> — never a 500.
/// </summary>
internal static class ApiErrors
{
    public static IServiceCollection AddApiErrors(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = new ApiRequestLimits();
        configuration.GetSection(ApiRequestLimits.Section).Bind(limits);
        if (limits.MaxRequestBodyBytes <= 0)
        {
            throw new InvalidOperationException($"{ApiRequestLimits.Section}:MaxRequestBodyBytes must be a positive number of bytes, not {limits.MaxRequestBodyBytes}.");
        }

        services.AddSingleton(Options.Create(limits));
        services.AddExceptionHandler<BadInputExceptionHandler>();

        // Binding failures throw (and reach BadInputExceptionHandler with the reason) instead of ending in an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<StatusCodePagesOptions>(options => options.HandleAsync = WriteStatusProblemAsync);
        return services;
    }

    /// <summary>Before authentication, so that an oversized body is refused before anything else is done for it.</summary>
    public static WebApplication UseApiRequestBodyLimit(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<ApiRequestBodyLimit>();
        return app;
    }

    /// <summary>
    /// The body for an empty error response (unknown route, wrong method): problem details when the client accepts
    /// them; under <c>/api</c> always, since API clients that send <c>Accept: text/html</c> still parse JSON errors.
    /// </summary>
    private static async Task WriteStatusProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var problem = new ProblemDetails { Status = status, Title = TitleOf(status), Detail = DetailOf(http, status) };
        var writer = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }))
        {
            return;
        }

        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
            return;
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync($"Status Code: {status}; {ReasonPhrases.GetReasonPhrase(status)}");
    }

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status405MethodNotAllowed => "Method not allowed",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };

    private static string? DetailOf(HttpContext http, int status) => status switch
    {
        StatusCodes.Status404NotFound when http.GetEndpoint() is null =>
            $"No endpoint at {http.Request.Path}. The API's endpoints are listed in /openapi/v1.json and browsable at /api/docs.",
        StatusCodes.Status405MethodNotAllowed =>
            $"{http.Request.Method} is not allowed on {http.Request.Path}; allowed: {http.Response.Headers.Allow}.",
        StatusCodes.Status415UnsupportedMediaType =>
            $"The body must be JSON (Content-Type: application/json), not {http.Request.ContentType ?? "a body without a content type"}.",
        _ => null,
    };
}
