using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Observation;

namespace SmartCity.Twin.Api.Twins;

/// <summary>
/// Twins as an RFC 7946 FeatureCollection of Points for map layers, written straight to the response with a
/// <see cref="Utf8JsonWriter"/> and flushed as it grows, so 100,000 features need neither a DOM nor one huge buffer.
/// Feature properties: <c>id</c>, <c>kind</c>, <c>name</c>, <c>districtId</c>, <c>status</c> (online, offline, unknown),
/// <c>lastSeen</c>, <c>activeWarnings</c>, <c>metrics</c> as <c>{name: latest value}</c>. A foreign member
/// <c>nextCursor</c> continues a truncated collection.
/// </summary>
internal sealed class TwinFeatureCollection(IReadOnlyList<DeviceTwinSummary> twins, string? nextCursor) : IResult
{
    public const string ContentType = "application/geo+json";

    private const int FlushThreshold = 32 * 1024;

    // A map layer, not HTML: Vietnamese names stay readable and a third smaller than \u escapes.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Feature = JsonEncodedText.Encode("Feature");
    private static readonly JsonEncodedText Point = JsonEncodedText.Encode("Point");
    private static readonly JsonEncodedText Geometry = JsonEncodedText.Encode("geometry");
    private static readonly JsonEncodedText Coordinates = JsonEncodedText.Encode("coordinates");
    private static readonly JsonEncodedText Properties = JsonEncodedText.Encode("properties");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText DistrictId = JsonEncodedText.Encode("districtId");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText LastSeen = JsonEncodedText.Encode("lastSeen");
    private static readonly JsonEncodedText ActiveWarnings = JsonEncodedText.Encode("activeWarnings");
    private static readonly JsonEncodedText Metrics = JsonEncodedText.Encode("metrics");
    private static readonly JsonEncodedText[] KindNames = Enum.GetValues<DeviceKind>().Select(k => JsonEncodedText.Encode(k.ToName())).ToArray();
    private static readonly JsonEncodedText[] StatusNames =
    [
        JsonEncodedText.Encode("unknown"),
        JsonEncodedText.Encode("online"),
        JsonEncodedText.Encode("offline"),
    ];

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        var cancellationToken = httpContext.RequestAborted;

        await using var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString(TypeName, "FeatureCollection");
        writer.WriteStartArray("features");
        foreach (var twin in twins)
        {
            if (twin.Location is not { } location)
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString(TypeName, Feature);
            writer.WriteString(Id, twin.Id);
            writer.WriteStartObject(Geometry);
            writer.WriteString(TypeName, Point);
            writer.WriteStartArray(Coordinates);
            writer.WriteNumberValue(location.Longitude);
            writer.WriteNumberValue(location.Latitude);
            writer.WriteEndArray();
            writer.WriteEndObject();
            WriteProperties(writer, twin);
            writer.WriteEndObject();

            if (writer.BytesPending > FlushThreshold)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        writer.WriteString("nextCursor", nextCursor);
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteProperties(Utf8JsonWriter writer, DeviceTwinSummary twin)
    {
        writer.WriteStartObject(Properties);
        writer.WriteString(Id, twin.Id);
        writer.WriteString(Kind, KindNames[(int)twin.Kind]);
        writer.WriteString(Name, twin.Name);
        writer.WriteString(DistrictId, twin.DistrictId);
        writer.WriteString(Status, StatusNames[(int)twin.Liveness]);
        if (twin.LastSeen is { } lastSeen)
        {
            writer.WriteString(LastSeen, lastSeen);
        }
        else
        {
            writer.WriteNull(LastSeen);
        }

        writer.WriteStartArray(ActiveWarnings);
        foreach (var warning in twin.ActiveWarnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        writer.WriteStartObject(Metrics);
        foreach (var reading in twin.Metrics)
        {
            writer.WriteNumber(reading.Metric, reading.Value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
