using System.Text.Json;

namespace SmartCity.Twin.Api.Devices;

/// <summary>
/// The body of <c>PUT /api/v1/twins/{id}/desired</c>: a flat JSON object of string values, <c>null</c> removing a key,
/// e.g. <c>{"interval_s": "60", "led": null}</c>. Strings only, so the device gets back exactly what was set.
/// </summary>
internal static class DesiredPropertiesUpdate
{
    public const int MaxProperties = 128;

    public const int MaxKeyLength = 64;

    public const int MaxValueLength = 1024;

    /// <returns>The changes, or <c>null</c> with <paramref name="error"/>.</returns>
    public static Dictionary<string, string?>? Parse(JsonElement body, out string? error)
    {
        error = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            error = "Desired properties are a JSON object of string values (null removes one), e.g. {\"interval_s\": \"60\", \"led\": null}.";
            return null;
        }

        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (changes.Count == MaxProperties)
            {
                error = $"At most {MaxProperties} desired properties per update.";
                return null;
            }

            if (property.Name.Length is 0 or > MaxKeyLength || property.Name.AsSpan().ContainsAnyInRange('\0', '\u001f'))
            {
                error = $"Property names are 1–{MaxKeyLength} characters without control characters; '{Shorten(property.Name)}' is not.";
                return null;
            }

            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String when property.Value.GetString()!.Length <= MaxValueLength:
                    changes[property.Name] = property.Value.GetString();
                    break;
                case JsonValueKind.String:
                    error = $"The value of '{property.Name}' is longer than {MaxValueLength} characters.";
                    return null;
                case JsonValueKind.Null:
                    changes[property.Name] = null;
                    break;
                default:
                    error = $"The value of '{property.Name}' must be a string (or null to remove it), e.g. \"60\" rather than 60.";
                    return null;
            }
        }

        return changes;
    }

    private static string Shorten(string name) => name.Length <= MaxKeyLength ? name : name[..MaxKeyLength] + "…";
}
