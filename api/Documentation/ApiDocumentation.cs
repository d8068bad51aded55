using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SmartCity.Twin.Api.Documentation;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> and the browsable reference at <c>/api/docs</c>, both anonymous.
/// Use before authorization: its fallback policy closes everything under <c>/api</c> that is not an open endpoint,
/// and the reference's pages are served by middleware, not endpoints.
/// </summary>
internal static class ApiDocumentation
{
    public const string DocumentName = "v1";

    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>Where the Swagger UI is served, without the leading slash (as Swagger UI's route prefix wants it).</summary>
    public const string UiRoutePrefix = "api/docs";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            // The REST API only: health probes and the SignalR hub are described in docs/api.md, not here.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<TwinApiDocumentDescription>();
            options.AddOperationTransformer<TwinApiOperationSecurity>();
            options.AddOperationTransformer<TwinApiProblemResponses>();
            options.AddOperationTransformer<TwinApiQueryParameters>();
            options.AddSchemaTransformer<DeviceKindSchema>();
        });

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = UiRoutePrefix;
            options.DocumentTitle = "SmartCity.Twin API";
            options.SwaggerEndpoint(DocumentPath, "SmartCity.Twin API v1");
            options.EnablePersistAuthorization();
            options.EnableTryItOutByDefault();
        });
        return app;
    }
}
