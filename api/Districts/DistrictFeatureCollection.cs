using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Rollups;

namespace SmartCity.Twin.Api.Districts;

/// <summary>
/// The districts as an RFC 7946 FeatureCollection of polygons for the dashboard's choropleth. Properties are flat numbers
/// a map style can use directly: <c>devices</c>, <c>online</c>, <c>offline</c>, <c>unknown</c>, <c>devicesWithWarnings</c>,
/// <c>worstAqi</c> and <c>worstAqiBand</c> (null without air-quality sensors), plus <c>id</c>, <c>name</c>,
/// <c>activeWarningsByType</c> and <c>lastUpdated</c>. The boundaries are CC BY 3.0 IGO, so the collection carries the
/// foreign member <c>attribution</c>.
/// </summary>
internal sealed class DistrictFeatureCollection(ProvinceMap map, ProvinceShapes shapes, IReadOnlyDictionary<string, AreaRollup> rollups) : IResult
{
    public const string ContentType = "application/geo+json";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;

        await using var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteString("provinceId", map.Id);
        writer.WriteString("provinceName", map.Name);
        writer.WriteString("attribution", ProvinceMap.Attribution);
        writer.WriteStartArray("features");
        foreach (var district in map.Districts)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Feature");
            writer.WriteString("id", district.Id);
            writer.WritePropertyName("geometry");
            shapes.DistrictGeometry(district).WriteTo(writer);
            writer.WriteStartObject("properties");
            writer.WriteString("id", district.Id);
            writer.WriteString("name", district.Name);
            WriteRollup(writer, rollups.GetValueOrDefault(district.Id));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteRollup(Utf8JsonWriter writer, AreaRollup? rollup)
    {
        var devices = rollup?.Devices ?? default;
        writer.WriteNumber("devices", devices.Total);
        writer.WriteNumber("online", devices.Online);
        writer.WriteNumber("offline", devices.Offline);
        writer.WriteNumber("unknown", devices.Unknown);
        writer.WriteNumber("devicesWithWarnings", rollup?.DevicesWithWarnings ?? 0);
        writer.WriteStartObject("activeWarningsByType");
        if (rollup is not null)
        {
            foreach (var (type, count) in rollup.ActiveWarningsByType.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteNumber(type, count);
            }
        }

        writer.WriteEndObject();
        if (rollup?.WorstAirQuality is { } worst)
        {
            writer.WriteNumber("worstAqi", worst.Index);
            writer.WriteString("worstAqiBand", worst.Band.ToString());
        }
        else
        {
            writer.WriteNull("worstAqi");
            writer.WriteNull("worstAqiBand");
        }

        if (rollup?.LastUpdated is { } lastUpdated)
        {
            writer.WriteString("lastUpdated", lastUpdated);
        }
        else
        {
            writer.WriteNull("lastUpdated");
        }
    }
}
