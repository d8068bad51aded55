using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartCity.Twin.Grains.Alerts;

namespace SmartCity.Twin.Api.Alerts;

/// <summary>Reads the query string of the alert and incident lists; a bad parameter becomes a 400 problem naming it.</summary>
internal static class AlertQuery
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;

    public static ProblemHttpResult? TryReadAlerts(IQueryCollection query, out AlertFilter filter, out AlertKey? after, out int limit)
    {
        filter = AlertFilter.All;
        after = null;
        limit = DefaultLimit;

        AlertStatus? status = null;
        if (Single(query, "status") is { } statusText)
        {
            if (!Enum.TryParse<AlertStatus>(statusText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || IsNumeric(statusText))
            {
                return AlertProblems.BadParameter("status", "is one of active, acknowledged, resolved.");
            }

            status = parsed;
        }

        AlertSeverity? severity = null;
        if (Single(query, "severity") is { } severityText)
        {
            if (!Enum.TryParse<AlertSeverity>(severityText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || IsNumeric(severityText))
            {
                return AlertProblems.BadParameter("severity", "is one of info, low, medium, high, critical.");
            }

            severity = parsed;
        }

        if (TryReadRange(query, out var from, out var to) is { } rangeProblem)
        {
            return rangeProblem;
        }

        if (Single(query, "limit") is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return AlertProblems.BadParameter("limit", $"is a whole number from 1 to {MaxLimit}.");
        }

        if (Single(query, "cursor") is { } cursorText)
        {
            if (!AlertCursor.TryDecode(cursorText, out var key))
            {
                return AlertProblems.BadParameter("cursor", "is the nextCursor of a previous page, unchanged.");
            }

            after = key;
        }

        foreach (var name in (string[])["type", "district", "twin"])
        {
            if (query.TryGetValue(name, out var values) && (values.Count != 1 || string.IsNullOrWhiteSpace(values[0])))
            {
                return AlertProblems.BadParameter(name, "is given once, not blank.");
            }
        }

        filter = new AlertFilter
        {
            Status = status,
            Severity = severity,
            Type = Single(query, "type"),
            DistrictId = Single(query, "district"),
            TwinId = Single(query, "twin"),
            From = from,
            To = to,
        };
        return null;
    }

    public static ProblemHttpResult? TryReadIncidents(IQueryCollection query, out IncidentFilter filter)
    {
        filter = IncidentFilter.All;
        IncidentStatus? status = null;
        if (Single(query, "status") is { } statusText)
        {
            if (!Enum.TryParse<IncidentStatus>(statusText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || IsNumeric(statusText))
            {
                return AlertProblems.BadParameter("status", "is open or closed.");
            }

            status = parsed;
        }

        if (TryReadRange(query, out var from, out var to) is { } rangeProblem)
        {
            return rangeProblem;
        }

        filter = new IncidentFilter(status, from, to);
        return null;
    }

    private static ProblemHttpResult? TryReadRange(IQueryCollection query, out DateTimeOffset? from, out DateTimeOffset? to)
    {
        from = null;
        to = null;
        foreach (var name in (string[])["from", "to"])
        {
            if (Single(query, name) is not { } text)
            {
                continue;
            }

            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
                || !text.Contains('T', StringComparison.OrdinalIgnoreCase) && text.Length != 10)
            {
                return AlertProblems.BadParameter(name, "is an ISO 8601 time, e.g. 2026-11-22T08:00:00Z.");
            }

            if (name == "from")
            {
                from = at;
            }
            else
            {
                to = at;
            }
        }

        if (from is not null && to is not null && to <= from)
        {
            return AlertProblems.BadParameter("to", "is later than 'from'.");
        }

        return null;
    }

    /// <summary>The parameter's value, or <c>null</c> when absent; a repeated parameter reads as its first value (callers that care check).</summary>
    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    private static bool IsNumeric(string text) => text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+');
}
