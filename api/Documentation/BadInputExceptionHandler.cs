using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Api.Documentation;

/// <summary>
/// Turns the exceptions a client causes into 4xx problems instead of 500s: what minimal APIs throw for bodies and
/// parameters they cannot bind (malformed JSON, wrong content type, a missing or unparsable parameter), bodies a
/// handler parses itself, and a grain refusing an argument.
/// </summary>
internal sealed partial class BadInputExceptionHandler(IProblemDetailsService problems, ILogger<BadInputExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } bad => Problem(bad.StatusCode, "Malformed JSON body", JsonDetail(json)),
            BadHttpRequestException bad => Problem(bad.StatusCode, TitleOf(bad.StatusCode), bad.Message),
            JsonException json => Problem(StatusCodes.Status400BadRequest, "Malformed JSON body", JsonDetail(json)),
            ArgumentException argument => Problem(StatusCodes.Status400BadRequest, "Invalid argument", argument.Message),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        if (exception is ArgumentException)
        {
            // Usually a grain refusing a client's value; logged so that a server-side bug surfacing this way is seen.
            ArgumentRefused(logger, httpContext.Request.Method, httpContext.Request.Path.Value, exception.Message);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }))
        {
            await httpContext.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Where in the body (JSON path, line and byte) and what was wrong, without the serializer's .NET type names,
    /// which mean nothing to a client.
    /// </summary>
    private static string JsonDetail(JsonException json)
    {
        var message = json.Message;
        var suffix = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            message = message[..suffix];
        }

        message = DotNetTypeConversion().Replace(message, "is not of the type this field takes.");
        var where = json.Path is { } path ? $" at {path}" : string.Empty;
        var position = json.LineNumber is { } line && json.BytePositionInLine is { } column ? $" (line {line + 1}, byte {column + 1})" : string.Empty;
        return $"The request body is not the JSON this endpoint expects{where}{position}: {message}";
    }

    [GeneratedRegex(@"could not be converted to [\w.`+\[\], ]+?\.$")]
    private static partial Regex DotNetTypeConversion();

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported content type",
        _ => "Bad request",
    };

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused an argument: {Reason}")]
    private static partial void ArgumentRefused(ILogger logger, string method, string? path, string reason);
}
