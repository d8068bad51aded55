using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SmartCity.Twin.Api.Alerts;

/// <summary>The problems alert endpoints answer with, worded once.</summary>
internal static class AlertProblems
{
    public static ProblemHttpResult BadParameter(string name, string expected) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid query parameter",
        detail: $"'{name}' {expected}");

    public static ProblemHttpResult BadBody(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid request body",
        detail: detail);

    public static ProblemHttpResult AlertNotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Alert not found",
        detail: $"No alert '{id}' has been raised.");

    public static ProblemHttpResult IncidentNotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Incident not found",
        detail: $"No incident '{id}': incidents group two or more alerts close in space and time.");

    public static ProblemHttpResult IllegalTransition(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Alert cannot make this transition",
        detail: detail);
}
