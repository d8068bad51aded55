using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SmartCity.Twin.Api.Security;

/// <summary>The problems the auth endpoints answer with.</summary>
internal static class AccessProblems
{
    public static ProblemHttpResult BadRequest(string title, string detail)
        => TypedResults.Problem(detail, title: title, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult NotFound(string title, string detail)
        => TypedResults.Problem(detail, title: title, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string title, string detail)
        => TypedResults.Problem(detail, title: title, statusCode: StatusCodes.Status409Conflict);
}
