using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Api.Security;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Api.Alerts;

/// <summary>
/// Alerts and incidents: list and read (<see cref="ApiPolicies.ReadAlerts"/>); acknowledge, resolve and comment
/// (<see cref="ApiPolicies.HandleAlerts"/>), each recorded with the caller's name. Lists come from the
/// <see cref="IAlertDirectory"/>; transitions go to the alert's grain.
/// </summary>
internal static class AlertsApi
{
    private const string Tag = "Alerts";

    public static IServiceCollection AddAlertsApi(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>()
            .BindConfiguration(AlertOptions.Section)
            .Validate(o => double.IsFinite(o.IncidentRadiusMeters) && o.IncidentRadiusMeters >= 0, "Alerts:IncidentRadiusMeters must be a distance in metres, 0 or more.")
            .Validate(o => o.IncidentWindow >= TimeSpan.Zero, "Alerts:IncidentWindow must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<IAlertCorroborator, GrainAlertCorroborator>();
        services.AddSingleton<AlertDirectory>();
        services.AddSingleton<IAlertDirectory>(sp => sp.GetRequiredService<AlertDirectory>());
        services.AddSingleton<IAlertObserver>(sp => sp.GetRequiredService<AlertDirectory>());
        services.AddHostedService<AlertDirectoryLoader>();
        return services;
    }

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1");

        api.MapGet("/alerts", ListAlertsAsync)
            .RequireAuthorization(ApiPolicies.ReadAlerts)
            .WithName("ListAlerts")
            .WithSummary("Alerts, newest first, filtered by status, type, severity, district, twin and raise time; cursor-paged")
            .WithTags(Tag)
            .Produces<AlertPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/alerts/{id}", GetAlertAsync)
            .RequireAuthorization(ApiPolicies.ReadAlerts)
            .WithName("GetAlert")
            .WithSummary("One alert with its evidence and audit trail")
            .WithTags(Tag)
            .Produces<AlertSnapshot>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapTransition<AlertNoteRequest>(api, "/alerts/{id}/acknowledge", AcknowledgeAsync, "AcknowledgeAlert", "Acknowledges an active alert, with an optional note");
        MapTransition<AlertNoteRequest>(api, "/alerts/{id}/resolve", ResolveAsync, "ResolveAlert", "Resolves an active or acknowledged alert, with an optional note");
        MapTransition<AlertCommentRequest>(api, "/alerts/{id}/comments", CommentAsync, "CommentAlert", "Adds a comment (1–2,000 characters) to an alert's trail");

        api.MapGet("/incidents", ListIncidentsAsync)
            .RequireAuthorization(ApiPolicies.ReadAlerts)
            .WithName("ListIncidents")
            .WithSummary("Incidents (alerts close in space and time), the most recently active first")
            .WithTags(Tag)
            .Produces<IncidentList>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/incidents/{id}", GetIncidentAsync)
            .RequireAuthorization(ApiPolicies.ReadAlerts)
            .WithName("GetIncident")
            .WithSummary("One incident: its alerts, types, bounds and first and last raise times")
            .WithTags(Tag)
            .Produces<IncidentResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    private static void MapTransition<TRequest>(RouteGroupBuilder api, string pattern, Delegate handler, string name, string summary)
        where TRequest : notnull =>
        api.MapPost(pattern, handler)
            .RequireAuthorization(ApiPolicies.HandleAlerts)
            .WithName(name)
            .WithSummary(summary)
            .WithTags(Tag)
            .Accepts<TRequest>(isOptional: typeof(TRequest) == typeof(AlertNoteRequest), "application/json")
            .Produces<AlertSnapshot>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> ListAlertsAsync(HttpRequest request, IAlertDirectory directory)
    {
        if (AlertQuery.TryReadAlerts(request.Query, out var filter, out var after, out var limit) is { } problem)
        {
            return problem;
        }

        await directory.Loaded.WaitAsync(request.HttpContext.RequestAborted);
        var (items, next) = directory.Query(filter, after, limit);
        return TypedResults.Ok(new AlertPage(items, next is { } key ? AlertCursor.Encode(key) : null));
    }

    private static async Task<IResult> GetAlertAsync(string id, HttpContext context, IAlertDirectory directory)
    {
        await directory.Loaded.WaitAsync(context.RequestAborted);
        return directory.Find(id) is { } alert ? TypedResults.Ok(alert) : AlertProblems.AlertNotFound(id);
    }

    private static async Task<IResult> ListIncidentsAsync(HttpRequest request, IAlertDirectory directory)
    {
        if (AlertQuery.TryReadIncidents(request.Query, out var filter) is { } problem)
        {
            return problem;
        }

        await directory.Loaded.WaitAsync(request.HttpContext.RequestAborted);
        return TypedResults.Ok(new IncidentList(directory.Incidents(filter)));
    }

    private static async Task<IResult> GetIncidentAsync(string id, HttpContext context, IAlertDirectory directory)
    {
        await directory.Loaded.WaitAsync(context.RequestAborted);
        return directory.FindIncident(id) is { } incident ? TypedResults.Ok(incident) : AlertProblems.IncidentNotFound(id);
    }

    private static async Task<IResult> AcknowledgeAsync(string id, HttpContext context, IAlertDirectory directory, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        var (body, problem) = await ReadBodyAsync<AlertNoteRequest>(context, json.Value.SerializerOptions);
        return problem ?? await TransitionAsync(id, context, directory, grains, (alert, by) => alert.Acknowledge(by, body?.Note));
    }

    private static async Task<IResult> ResolveAsync(string id, HttpContext context, IAlertDirectory directory, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        var (body, problem) = await ReadBodyAsync<AlertNoteRequest>(context, json.Value.SerializerOptions);
        return problem ?? await TransitionAsync(id, context, directory, grains, (alert, by) => alert.Resolve(by, body?.Note));
    }

    private static async Task<IResult> CommentAsync(string id, HttpContext context, IAlertDirectory directory, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        var (body, problem) = await ReadBodyAsync<AlertCommentRequest>(context, json.Value.SerializerOptions);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body?.Text))
        {
            return AlertProblems.BadBody("\"text\" is required: 1–2,000 characters.");
        }

        return await TransitionAsync(id, context, directory, grains, (alert, by) => alert.Comment(by, body.Text));
    }

    private static async Task<IResult> TransitionAsync(
        string id,
        HttpContext context,
        IAlertDirectory directory,
        IGrainFactory grains,
        Func<IAlert, string, Task<AlertSnapshot>> transition)
    {
        // The directory knows every alert once loaded; asking it first keeps unknown ids from activating empty grains.
        await directory.Loaded.WaitAsync(context.RequestAborted);
        if (directory.Find(id) is null)
        {
            return AlertProblems.AlertNotFound(id);
        }

        AlertSnapshot updated;
        try
        {
            updated = await transition(grains.GetGrain<IAlert>(id), ApiActor.Of(context.User));
        }
        catch (AlertNotFoundException)
        {
            return AlertProblems.AlertNotFound(id);
        }
        catch (AlertTransitionException e)
        {
            return AlertProblems.IllegalTransition(e.Message);
        }
        catch (AlertCommentException e)
        {
            return AlertProblems.BadBody(e.Message);
        }

        // The grain told the directory before answering: its copy also carries the incident.
        return TypedResults.Ok(directory.Find(id) is { } known && known.Version >= updated.Version ? known : updated);
    }

    /// <summary>The JSON body, or <c>null</c> when there is none; malformed JSON is a 400 problem saying where.</summary>
    private static async Task<(T? Body, IResult? Problem)> ReadBodyAsync<T>(HttpContext context, JsonSerializerOptions options)
        where T : class
    {
        var request = context.Request;
        if (request.ContentLength == 0)
        {
            return (null, null);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return (null, null);
        }

        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type",
                detail: $"The body must be application/json, not {contentType}."));
        }

        try
        {
            buffer.Position = 0;
            return (await JsonSerializer.DeserializeAsync<T>(buffer, options, context.RequestAborted), null);
        }
        catch (JsonException e)
        {
            return (null, AlertProblems.BadBody($"The body is not valid JSON for this request: {e.Message}"));
        }
    }
}
