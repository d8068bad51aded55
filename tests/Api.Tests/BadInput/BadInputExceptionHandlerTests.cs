using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCity.Twin.Api.Documentation;

namespace SmartCity.Twin.Api.Tests.BadInput;

/// <summary>The exceptions no endpoint of today throws on purpose, but a grain or a hand-parsed body can.</summary>
public sealed class BadInputExceptionHandlerTests
{
    [Fact]
    public async Task An_argument_exception_from_a_grain_is_a_400_problem_with_its_message()
    {
        var (handled, context, problem) = await HandleAsync(new ArgumentOutOfRangeException("radius", "The radius is at most 50 km."));

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Contains("at most 50 km", problem!.Value.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_exception_from_a_hand_parsed_body_is_a_400_problem_naming_the_path()
    {
        var (handled, context, problem) = await HandleAsync(new JsonException("Expected a number.", "$.points[2].value", 0, 40));

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.Contains("$.points[2].value", problem!.Value.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_exception_is_left_to_the_500_handler()
    {
        var (handled, _, _) = await HandleAsync(new InvalidOperationException("storage is down"));

        Assert.False(handled);
    }

    private static async Task<(bool Handled, HttpContext Context, JsonElement? Problem)> HandleAsync(Exception exception)
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "PUT";
        context.Request.Path = "/api/v1/twins/x";
        using var body = new MemoryStream();
        context.Response.Body = body;
        var handler = new BadInputExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<BadInputExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(context, exception, CancellationToken.None);

        JsonElement? problem = body.Length == 0 ? null : JsonDocument.Parse(body.ToArray()).RootElement.Clone();
        return (handled, context, problem);
    }
}
