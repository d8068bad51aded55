using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Districts;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Silo.Auth;

namespace SmartCity.Twin.Silo.Endpoints;

/// <summary>
/// The minimal twin API the silo serves until the full REST API lands: read a device twin, read a district roll-up,
/// and report telemetry with the admin key.
/// </summary>
internal static class TwinEndpoints
{
    public static IEndpointRouteBuilder MapTwinEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1");
        api.MapGet("/twins/{id}", GetTwinAsync);
        api.MapGet("/districts/{id}", GetDistrictAsync);
        api.MapPost("/twins/{id}/telemetry", PostTelemetryAsync).AddEndpointFilter<AdminKeyEndpointFilter>();
        return endpoints;
    }

    private static async Task<IResult> GetTwinAsync(string id, DeviceTwinLocator locator)
    {
        var located = await locator.FindAsync(id);
        return located is null ? TwinNotFound(id) : TypedResults.Ok(located.Snapshot);
    }

    private static async Task<IResult> GetDistrictAsync(string id, ProvinceMap map, Runtime.IGrainFactory grains)
    {
        if (map.FindDistrict(id) is not { } district)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "District not found",
                detail: $"'{id}' is not a district of {map.Name}. Districts: {string.Join(", ", map.Districts.Select(d => d.Id))}.");
        }

        var rollup = await grains.GetGrain<IDistrictTwin>(district.Id).GetRollup();
        return TypedResults.Ok(new DistrictResponse(district.Id, district.Name, map.Id, map.Name, rollup));
    }

    private static async Task<IResult> PostTelemetryAsync(
        string id,
        HttpRequest request,
        DeviceTwinLocator locator,
        IOptions<TwinOptions> twinOptions,
        TimeProvider clock)
    {
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            body = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return BadTelemetry($"The body is not valid JSON: {e.Message}");
        }

        var now = clock.GetUtcNow();
        var batch = TelemetryRequestParser.Parse(body, now, twinOptions.Value.MaxClockSkew, out var error);
        if (batch is null)
        {
            return BadTelemetry(error!);
        }

        var located = await locator.FindAsync(id);
        if (located is null)
        {
            return TwinNotFound(id);
        }

        await located.Twin.ReportTelemetry(batch);
        return TypedResults.Accepted(
            $"/api/v1/twins/{Uri.EscapeDataString(id)}",
            new TelemetryAccepted(id, located.Snapshot.Kind, batch.Points.Count));
    }

    private static ProblemHttpResult TwinNotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Twin not found",
        detail: $"No device twin '{id}' has been provisioned or heard from.");

    private static ProblemHttpResult BadTelemetry(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid telemetry",
        detail: detail);
}
