using System.Text.Json;

namespace SmartCity.Twin.Simulators.Provisioning;

/// <summary>What the twin's API said went wrong, in one line: the problem's title and detail, or the start of the body.</summary>
internal static class ApiProblem
{
    private const int LongestBody = 200;

    public static string Describe(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                var described = string.Join(": ", new[] { title, detail }.Where(s => !string.IsNullOrEmpty(s)));
                if (described.Length > 0)
                {
                    return described;
                }
            }
        }
        catch (JsonException)
        {
            // Not problem+json: the body itself says what happened.
        }

        var line = body.ReplaceLineEndings(" ").Trim();
        return line.Length > LongestBody ? line[..LongestBody] + "…" : line;
    }
}
