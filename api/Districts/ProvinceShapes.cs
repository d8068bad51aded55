using System.Collections.Frozen;
using System.Text.Json;
using NetTopologySuite.Operation.Union;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Districts;

/// <summary>
/// The province's geometries as GeoJSON, made once: each district's polygon as shipped, and the province outline
/// dissolved from all districts (an NTS union is far too slow to repeat per request).
/// </summary>
internal sealed class ProvinceShapes
{
    private readonly FrozenDictionary<string, JsonElement> districts;
    private readonly Lazy<JsonElement> outline;

    public ProvinceShapes(ProvinceMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        districts = map.Districts.ToFrozenDictionary(d => d.Id, d => Parse(d.GeometryGeoJson), StringComparer.Ordinal);
        outline = new Lazy<JsonElement>(() => Dissolve(map), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The outline of every district together: a Polygon, or a MultiPolygon where the province has islands.</summary>
    public JsonElement Outline => outline.Value;

    public JsonElement DistrictGeometry(District district)
    {
        ArgumentNullException.ThrowIfNull(district);
        return districts[district.Id];
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static JsonElement Dissolve(ProvinceMap map)
    {
        var union = UnaryUnionOp.Union(map.Districts.Select(d => d.Geometry).ToArray());
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            GeoJsonGeometry.Write(writer, union);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
