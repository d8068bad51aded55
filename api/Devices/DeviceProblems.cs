using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SmartCity.Twin.Api.Devices;

/// <summary>The problems device endpoints answer with, worded once.</summary>
internal static class DeviceProblems
{
    public static ProblemHttpResult BodyTooLarge(int limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Body too large",
        detail: $"The request body is limited to {limit / 1024} KiB; send large batches in several requests.");

    public static ProblemHttpResult InvalidJson(string title, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: title,
        detail: detail);

    /// <summary>401 with the Basic challenge, for a missing credential and for a refused one alike (RFC 9110 asks for the challenge on every 401).</summary>
    public static ProblemHttpResult Unauthenticated(HttpContext http, string title, string detail)
    {
        http.Response.Headers.WWWAuthenticate = $"Basic realm=\"{DeviceCredentialFilter.Realm}\"";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title, detail: detail);
    }

    public static ProblemHttpResult OtherDevice(string credentialOf, string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Another device's credential",
        detail: $"The credential belongs to '{credentialOf}'; a device reports only for itself, not for '{id}'.");

    /// <summary>An operator or key without the scope, and no device credential either.</summary>
    public static ProblemHttpResult ScopeMissing(string scope) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Not allowed",
        detail: $"Your key or role does not grant the '{scope}' scope; send the device's own credential, or a key with '{scope}'.");

    public static ProblemHttpResult TwinRefused(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Refused by the twin",
        detail: detail);
}
