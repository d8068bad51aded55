using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Api.History;
using SmartCity.Twin.Api.Security;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Grains.Devices.ServiceCounters;

namespace SmartCity.Twin.Api.Kpis;

/// <summary>KPIs per district and for the province, from series the sampler records into the metric history.</summary>
internal static class KpisApi
{
    public static IServiceCollection AddKpis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<KpiSampler>();
        services.AddSingleton<ITwinObserver>(sp => sp.GetRequiredService<KpiSampler>());
        services.AddHostedService(sp => sp.GetRequiredService<KpiSampler>());
        services.AddSingleton<KpiReport>();
        return services;
    }

    public static IEndpointRouteBuilder MapKpisApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1")
            .MapGet("/kpis", GetKpisAsync)
            .RequireAuthorization(ApiPolicies.ReadTwins)
            .WithName("GetKpis")
            .WithSummary("KPIs of the province and its districts over a time range")
            .WithDescription(
                "Device availability, active warnings by type, mean time to acknowledge and to resolve alerts, AQI (average, worst, "
                + "hours per VN_AQI band), service-counter service level in opening hours, traffic violations per day. "
                + "from/to: ISO 8601 date-times, or dates (yyyy-MM-dd, midnight Vietnam time); default today in Asia/Ho_Chi_Minh. "
                + "district: one district id (default: the province and every district).")
            .WithTags("KPIs")
            .Produces<KpisResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static async Task<IResult> GetKpisAsync(
        string? from,
        string? to,
        string? district,
        KpiReport report,
        MetricHistoryRecorder history,
        ProvinceMap map,
        TimeProvider clock,
        HttpContext http)
    {
        if (district is not null && map.FindDistrict(district) is null)
        {
            return HistoryApi.BadParameter(
                "district",
                $"\"district\" is a district id of {map.Name}: {string.Join(", ", map.Districts.Select(d => d.Id))}; got '{district}'.");
        }

        DateTimeOffset start = default, end = default;
        if (from is not null && !TryParse(from, out start))
        {
            return HistoryApi.BadParameter("from", $"\"from\" is an ISO 8601 date-time (2026-11-20T07:00:00+07:00, '+' encoded as %2B) or a date (2026-11-20); got '{from}'.");
        }

        if (to is not null && !TryParse(to, out end))
        {
            return HistoryApi.BadParameter("to", $"\"to\" is an ISO 8601 date-time (2026-11-21T00:00:00+07:00, '+' encoded as %2B) or a date (2026-11-21); got '{to}'.");
        }

        (start, end) = (from, to) switch
        {
            (null, null) => (PublicServiceHours.StartOfDay(clock.GetUtcNow()), PublicServiceHours.StartOfDay(clock.GetUtcNow()).AddDays(1)),
            (null, _) => (end.AddDays(-1), end),
            (_, null) => (start, start.AddDays(1)),
            _ => (start, end),
        };

        if (start >= end)
        {
            return HistoryApi.BadParameter("from", $"\"from\" ({start:O}) must be before \"to\" ({end:O}).");
        }

        if (end - start > history.Retention)
        {
            return HistoryApi.BadParameter("from", $"The range is {end - start}; KPI series are kept for {history.Retention}, so ask for at most that.");
        }

        return TypedResults.Ok(await report.BuildAsync(start, end, district, http.RequestAborted));
    }

    /// <summary>A date alone means midnight starting that day in Vietnam; anything else is an ISO 8601 instant.</summary>
    private static bool TryParse(string text, out DateTimeOffset instant)
    {
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            instant = PublicServiceHours.StartOfDay(date);
            return true;
        }

        return QueryTime.TryParseInstant(text, out instant);
    }
}
