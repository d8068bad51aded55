using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Api.Twins;

/// <summary>
/// The query string of <c>GET /api/v1/twins</c> and <c>/api/v1/twins.geojson</c>, validated: <c>kind</c>, <c>district</c>,
/// <c>status</c>, <c>metric</c> (repeatable), <c>bbox</c>, <c>near</c>, <c>limit</c>, <c>cursor</c>. Anything a client
/// got wrong becomes a 400 problem naming the parameter and the form it expects.
/// </summary>
internal sealed record TwinListQuery(TwinFilter Filter, int Limit, string? AfterId)
{
    /// <summary>"What is near this fire" is a local question; a wider circle is a bbox.</summary>
    public const double MaxNearRadiusMeters = 100_000;

    private static readonly string StatusForm = "one of online, offline, unknown";

    public static bool TryParse(
        IQueryCollection query,
        ProvinceMap map,
        int defaultLimit,
        int maxLimit,
        [NotNullWhen(true)] out TwinListQuery? parsed,
        [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(map);
        parsed = null;
        var filter = TwinFilter.All;

        if (!TrySingle(query, "kind", out var kindText, out problem))
        {
            return false;
        }

        if (kindText is not null)
        {
            if (!DeviceKindNames.TryParse(kindText, out var kind))
            {
                problem = Invalid("kind", $"'{kindText}' is not a device kind; use one of {string.Join(", ", DeviceKindNames.All)}.");
                return false;
            }

            filter = filter with { Kind = kind };
        }

        if (!TrySingle(query, "district", out var districtText, out problem))
        {
            return false;
        }

        if (districtText is not null)
        {
            if (map.FindDistrict(districtText) is not { } district)
            {
                problem = Invalid("district", $"'{districtText}' is not a district of {map.Name}; use one of {string.Join(", ", map.Districts.Select(d => d.Id))}.");
                return false;
            }

            filter = filter with { DistrictId = district.Id };
        }

        if (!TrySingle(query, "status", out var statusText, out problem))
        {
            return false;
        }

        if (statusText is not null)
        {
            DeviceLiveness? status = statusText.ToUpperInvariant() switch
            {
                "ONLINE" => DeviceLiveness.Online,
                "OFFLINE" => DeviceLiveness.Offline,
                "UNKNOWN" => DeviceLiveness.Unknown,
                _ => null,
            };
            if (status is null)
            {
                problem = Invalid("status", $"'{statusText}' is not a status; use {StatusForm}.");
                return false;
            }

            filter = filter with { Status = status };
        }

        if (query.TryGetValue("metric", out var metricValues))
        {
            var conditions = new List<MetricCondition>(metricValues.Count);
            foreach (var text in metricValues)
            {
                if (!TryParseMetric(text, out var condition))
                {
                    problem = Invalid("metric", $"'{text}' is not a metric condition; use name:op:value with op one of lt, lte, eq, gte, gt and a number, e.g. pm2_5:gt:50. Repeat the parameter for several conditions.");
                    return false;
                }

                conditions.Add(condition);
            }

            filter = filter with { Metrics = conditions };
        }

        if (!TrySingle(query, "bbox", out var bboxText, out problem))
        {
            return false;
        }

        if (bboxText is not null)
        {
            if (!TryParseNumbers(bboxText, 4, out var box)
                || !new GeoPoint(box[0], box[1]).IsValid || !new GeoPoint(box[2], box[3]).IsValid
                || box[0] > box[2] || box[1] > box[3])
            {
                problem = Invalid("bbox", $"'{bboxText}' is not a bounding box; use minLon,minLat,maxLon,maxLat in degrees (WGS 84), with -180 ≤ lon ≤ 180, -90 ≤ lat ≤ 90, minLon ≤ maxLon and minLat ≤ maxLat.");
                return false;
            }

            filter = filter with { Bounds = new GeoBounds(box[0], box[1], box[2], box[3]) };
        }

        if (!TrySingle(query, "near", out var nearText, out problem))
        {
            return false;
        }

        if (nearText is not null)
        {
            if (!TryParseNumbers(nearText, 3, out var near) || !new GeoPoint(near[0], near[1]).IsValid
                || near[2] <= 0 || near[2] > MaxNearRadiusMeters)
            {
                problem = Invalid("near", string.Create(CultureInfo.InvariantCulture, $"'{nearText}' is not a circle; use lon,lat,radiusMeters with -180 ≤ lon ≤ 180, -90 ≤ lat ≤ 90 and 0 < radiusMeters ≤ {MaxNearRadiusMeters:0}."));
                return false;
            }

            filter = filter with { Near = new GeoPoint(near[0], near[1]), NearRadiusMeters = near[2] };
        }

        if (!TrySingle(query, "limit", out var limitText, out problem))
        {
            return false;
        }

        var limit = defaultLimit;
        if (limitText is not null
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > maxLimit))
        {
            problem = Invalid("limit", string.Create(CultureInfo.InvariantCulture, $"'{limitText}' is not a page size; use a whole number from 1 to {maxLimit} (default {defaultLimit})."));
            return false;
        }

        if (!TrySingle(query, "cursor", out var cursorText, out problem))
        {
            return false;
        }

        string? afterId = null;
        if (cursorText is not null)
        {
            if (!TwinCursor.TryDecode(cursorText, out var lastId))
            {
                problem = Invalid("cursor", "not a cursor this API issued; pass the nextCursor of the previous page unchanged, or omit cursor for the first page.");
                return false;
            }

            afterId = lastId;
        }

        parsed = new TwinListQuery(filter, limit, afterId);
        return true;
    }

    private static bool TrySingle(IQueryCollection query, string name, out string? value, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        value = null;
        problem = null;
        if (!query.TryGetValue(name, out StringValues values) || values.Count == 0)
        {
            return true;
        }

        if (values.Count > 1)
        {
            problem = Invalid(name, $"given {values.Count} times; give it once.");
            return false;
        }

        value = values[0];
        if (string.IsNullOrWhiteSpace(value))
        {
            problem = Invalid(name, "empty; give a value or leave the parameter out.");
            return false;
        }

        return true;
    }

    private static bool TryParseMetric(string? text, [NotNullWhen(true)] out MetricCondition? condition)
    {
        condition = null;
        if (text is null)
        {
            return false;
        }

        // The value and operator come last, so a metric name may itself contain ':'.
        var valueAt = text.LastIndexOf(':');
        var opAt = valueAt > 0 ? text.LastIndexOf(':', valueAt - 1) : -1;
        if (opAt <= 0)
        {
            return false;
        }

        var name = text[..opAt];
        MetricComparison? comparison = text[(opAt + 1)..valueAt] switch
        {
            "lt" => MetricComparison.LessThan,
            "lte" => MetricComparison.LessThanOrEqual,
            "eq" => MetricComparison.Equal,
            "gte" => MetricComparison.GreaterThanOrEqual,
            "gt" => MetricComparison.GreaterThan,
            _ => null,
        };
        if (!MetricNames.IsValid(name) || comparison is null || !TryParseNumber(text.AsSpan(valueAt + 1), out var value))
        {
            return false;
        }

        condition = new MetricCondition(name, comparison.Value, value);
        return true;
    }

    private static bool TryParseNumbers(string text, int count, out double[] numbers)
    {
        numbers = new double[count];
        var rest = text.AsSpan();
        for (var i = 0; i < count; i++)
        {
            var comma = rest.IndexOf(',');
            var last = i == count - 1;
            if (last != (comma < 0))
            {
                return false;
            }

            var part = last ? rest : rest[..comma];
            if (!TryParseNumber(part, out numbers[i]))
            {
                return false;
            }

            rest = last ? [] : rest[(comma + 1)..];
        }

        return true;
    }

    private static bool TryParseNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static ProblemHttpResult Invalid(string parameter, string detail) => TwinProblems.InvalidParameter(parameter, $"{parameter}: {detail}");
}
