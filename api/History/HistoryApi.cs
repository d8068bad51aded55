using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Api.Kpis;
using SmartCity.Twin.Api.Security;
using SmartCity.Twin.Api.Twins;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Api.History;

/// <summary>Persisted metric history: recorded from accepted telemetry, read back downsampled.</summary>
internal static class HistoryApi
{
    /// <summary>A default bucket is chosen so a range shows at most this many points.</summary>
    public const int DefaultMaxPoints = 500;

    /// <summary>More points than this in one answer is refused: ask for a larger bucket or a shorter range.</summary>
    public const int MaxPoints = 10_000;

    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(24);

    private static readonly TimeSpan[] RoundBuckets =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(7),
    ];

    public static IServiceCollection AddMetricHistory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricHistoryOptions>().Bind(configuration.GetSection(MetricHistoryOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetricHistoryOptions>, MetricHistoryOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);

        // The silo registers the grain-state database it chose; a host without one keeps history in memory.
        services.AddSingleton(sp => (sp.GetService<MetricHistoryDatabase>() ?? MetricHistoryDatabase.Memory).CreateStore());
        services.AddSingleton<MetricHistoryRecorder>();
        services.AddSingleton<ITwinObserver>(sp => sp.GetRequiredService<MetricHistoryRecorder>());
        services.AddHostedService(sp => sp.GetRequiredService<MetricHistoryRecorder>());
        return services;
    }

    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1")
            .MapGet("/twins/{id}/history", GetHistoryAsync)
            .RequireAuthorization(ApiPolicies.ReadTwins)
            .WithName("GetTwinHistory")
            .WithSummary("A metric's history, downsampled: min, max, average and count per bucket")
            .WithDescription(
                "from/to: ISO 8601 (default: the last 24 hours; to is exclusive). bucket: an ISO 8601 duration (PT5M) or 30s/5m/1h/1d, "
                + "a multiple of the history resolution (default: chosen so at most 500 points). Works for KPI series too: "
                + "district:{id} and province:{id}.")
            .WithTags("History")
            .Produces<HistoryResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> GetHistoryAsync(
        string id,
        string? metric,
        string? from,
        string? to,
        string? bucket,
        MetricHistoryRecorder history,
        TimeProvider clock,
        IServiceProvider services,
        HttpContext http)
    {
        if (!MetricNames.IsValid(metric))
        {
            return BadParameter("metric", "\"metric\" is required: a metric name of 1–64 characters without whitespace, e.g. metric=pm2_5.");
        }

        var resolution = history.Resolution;
        if (!TryReadRange(from, to, clock.GetUtcNow(), history.Retention, out var start, out var end, out var problem))
        {
            return problem;
        }

        TimeSpan size;
        if (bucket is null)
        {
            size = DefaultBucket(end - start, resolution);
        }
        else if (!QueryTime.TryParseDuration(bucket, out size) || size < resolution || size.Ticks % resolution.Ticks != 0)
        {
            return BadParameter(
                "bucket",
                $"\"bucket\" is an ISO 8601 duration (PT5M) or 30s/5m/1h/1d, at least and a multiple of the history resolution {QueryTime.Format(resolution)}; got '{bucket}'.");
        }

        var bucketSeconds = (long)size.TotalSeconds;
        var fromSeconds = Floor(start.ToUnixTimeSeconds(), bucketSeconds);
        var toSeconds = end.ToUnixTimeSeconds() + (end.Ticks % TimeSpan.TicksPerSecond == 0 ? 0 : 1);
        var pointCount = (toSeconds - fromSeconds + bucketSeconds - 1) / bucketSeconds;
        if (pointCount > MaxPoints)
        {
            return BadParameter(
                "bucket",
                $"A bucket of {QueryTime.Format(size)} over this range gives {pointCount} points; at most {MaxPoints} are returned. Ask for a larger bucket or a shorter range.");
        }

        if (!await ExistsAsync(id, services))
        {
            return TwinProblems.TwinNotFound(id);
        }

        var stored = await history.ReadAsync(id, metric!, fromSeconds, toSeconds, http.RequestAborted);
        var points = new List<HistoryPoint>();
        long currentStart = 0;
        var current = default(MetricAggregate);
        foreach (var part in stored)
        {
            var outStart = Floor(part.Start, bucketSeconds);
            if (current.Count > 0 && outStart != currentStart)
            {
                points.Add(PointOf(currentStart, current));
                current = default;
            }

            currentStart = outStart;
            current = current.Merge(part.Values);
        }

        if (current.Count > 0)
        {
            points.Add(PointOf(currentStart, current));
        }

        return TypedResults.Ok(new HistoryResponse(id, metric!, start, end, QueryTime.Format(size), points));
    }

    /// <summary>Reads <c>from</c> and <c>to</c> (default: the last 24 hours), refusing reversed ranges and ranges longer than retention.</summary>
    internal static bool TryReadRange(
        string? from,
        string? to,
        DateTimeOffset now,
        TimeSpan maxRange,
        out DateTimeOffset start,
        out DateTimeOffset end,
        out ProblemHttpResult problem)
    {
        start = end = default;
        problem = null!;
        end = now;
        if (to is not null && !QueryTime.TryParseInstant(to, out end))
        {
            problem = BadParameter("to", $"\"to\" is an ISO 8601 date-time such as 2026-11-20T17:00:00+07:00 (encode '+' as %2B); got '{to}'.");
            return false;
        }

        start = end - DefaultRange;
        if (from is not null && !QueryTime.TryParseInstant(from, out start))
        {
            problem = BadParameter("from", $"\"from\" is an ISO 8601 date-time such as 2026-11-20T07:00:00+07:00 (encode '+' as %2B); got '{from}'.");
            return false;
        }

        if (start >= end)
        {
            problem = BadParameter("from", $"\"from\" ({start:O}) must be before \"to\" ({end:O}).");
            return false;
        }

        if (end - start > maxRange)
        {
            problem = BadParameter("from", $"The range from \"from\" to \"to\" is {end - start}; history is kept for {maxRange}, so ask for at most that.");
            return false;
        }

        return true;
    }

    internal static ProblemHttpResult BadParameter(string parameter, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: $"Invalid query parameter '{parameter}'",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    private static TimeSpan DefaultBucket(TimeSpan range, TimeSpan resolution)
    {
        foreach (var candidate in RoundBuckets)
        {
            if (candidate >= resolution && candidate.Ticks % resolution.Ticks == 0 && (range.Ticks + candidate.Ticks - 1) / candidate.Ticks <= DefaultMaxPoints)
            {
                return candidate;
            }
        }

        var multiples = (long)Math.Ceiling(range.Ticks / (double)DefaultMaxPoints / resolution.Ticks);
        return resolution * Math.Max(1, multiples);
    }

    /// <summary>A device twin the directory (or, before it has loaded, the twin itself) knows, or a KPI area series.</summary>
    private static async Task<bool> ExistsAsync(string id, IServiceProvider services)
    {
        if (KpiAreas.TryParseSeries(id, services.GetRequiredService<ProvinceMap>(), out _))
        {
            return true;
        }

        if (services.GetService<ITwinDirectory>() is { Loaded.IsCompleted: true } directory)
        {
            return directory.Find(id) is not null;
        }

        return await services.GetRequiredService<DeviceTwinLocator>().FindAsync(id) is not null;
    }

    private static long Floor(long seconds, long size) => seconds - (((seconds % size) + size) % size);

    private static HistoryPoint PointOf(long start, MetricAggregate values) =>
        new(DateTimeOffset.FromUnixTimeSeconds(start), values.Min, values.Max, values.Average, values.Count);
}
