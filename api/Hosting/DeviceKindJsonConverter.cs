using System.Text.Json;
using System.Text.Json.Serialization;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Api.Hosting;

/// <summary>Device kinds in JSON by the names they have in topics and URLs (<c>environment-sensor</c>), not by their C# names.</summary>
internal sealed class DeviceKindJsonConverter : JsonConverter<DeviceKind>
{
    public override DeviceKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return name is not null && DeviceKindNames.TryParse(name, out var kind)
            ? kind
            : throw new JsonException($"\"kind\" is one of {string.Join(", ", DeviceKindNames.All)}.");
    }

    public override void Write(Utf8JsonWriter writer, DeviceKind value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToName());

    /// <summary>Roll-ups count devices per kind in dictionaries keyed by kind.</summary>
    public override DeviceKind ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, DeviceKind value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToName());
}
