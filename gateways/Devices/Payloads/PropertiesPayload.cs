using System.Globalization;
using System.Text.Json;

namespace SmartCity.Twin.Gateways.Devices.Payloads;

/// <summary>Reported properties: a flat JSON object whose values are strings, numbers, booleans or <c>null</c> (removes one).</summary>
internal static class PropertiesPayload
{
    public const int MaxProperties = 128;

    public static IReadOnlyDictionary<string, string?>? Parse(JsonElement body, out string? error)
    {
        error = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            error = "Reported properties are a JSON object, e.g. {\"firmware\": \"2.4.1\", \"interval_s\": 60}.";
            return null;
        }

        var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (properties.Count == MaxProperties)
            {
                error = $"At most {MaxProperties} properties per message.";
                return null;
            }

            if (property.Name.Length is 0 or > 64)
            {
                error = "Property names are 1–64 characters.";
                return null;
            }

            string? value;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String:
                    value = property.Value.GetString();
                    break;
                case JsonValueKind.Number:
                    value = property.Value.GetRawText();
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    value = property.Value.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
                    break;
                case JsonValueKind.Null:
                    value = null;
                    break;
                default:
                    error = $"The value of '{property.Name}' must be a string, number, boolean or null, not a nested object or array.";
                    return null;
            }

            properties[property.Name] = value;
        }

        if (properties.Count == 0)
        {
            error = "The properties object is empty.";
            return null;
        }

        return properties;
    }
}
