using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Api.Twins;

/// <summary>The problems twin endpoints answer with, worded once.</summary>
internal static class TwinProblems
{
    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    /// <summary>A query parameter the client got wrong; <c>parameter</c> names it for programs, <c>detail</c> for people.</summary>
    public static ProblemHttpResult InvalidParameter(string parameter, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: $"Invalid query parameter '{parameter}'",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static ProblemHttpResult KindConflict(string id, DeviceKind registered, DeviceKind requested) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Device id taken by another kind",
        detail: $"'{id}' is already a {registered.ToName()}; it cannot also be a {requested.ToName()}.");

    public static ProblemHttpResult TwinNotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Twin not found",
        detail: $"No device twin '{id}' has been provisioned or heard from.");

    public static ProblemHttpResult DeviceNotRegistered(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Device not registered",
        detail: $"No device '{id}' has been provisioned, so it has no credentials; provision it with PUT /api/v1/twins/{{id}}.");
}
