using System.Text.Json;
using NetTopologySuite.Geometries;

namespace SmartCity.Twin.Grains.Geography;

/// <summary>
/// Reads a GeoJSON FeatureCollection of district polygons (RFC 7946: lon/lat, WGS 84) into NetTopologySuite geometries.
/// Only what the shipped files use is supported: Polygon and MultiPolygon features with <c>id</c>, <c>name</c>,
/// <c>province</c> and optional <c>note</c> properties.
/// </summary>
internal static class DistrictGeoJsonReader
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static IReadOnlyList<DistrictFeature> Read(Stream utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var root = document.RootElement;
        if (GetString(root, "type") != "FeatureCollection" || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("Expected a GeoJSON FeatureCollection with a 'features' array.");
        }

        var result = new List<DistrictFeature>(features.GetArrayLength());
        foreach (var feature in features.EnumerateArray())
        {
            result.Add(ReadFeature(feature));
        }

        return result;
    }

    private static DistrictFeature ReadFeature(JsonElement feature)
    {
        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("A district feature has no 'properties' object.");
        }

        var id = GetString(properties, "id") ?? throw new InvalidDataException("A district feature has no 'id' property.");
        var name = GetString(properties, "name") ?? throw new InvalidDataException($"District '{id}' has no 'name' property.");
        var province = GetString(properties, "province") ?? throw new InvalidDataException($"District '{id}' has no 'province' property.");
        if (!feature.TryGetProperty("geometry", out var geometryElement) || geometryElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"District '{id}' has no geometry.");
        }

        var geometry = GetString(geometryElement, "type") switch
        {
            "Polygon" => (Geometry)ReadPolygon(geometryElement.GetProperty("coordinates"), id),
            "MultiPolygon" => ReadMultiPolygon(geometryElement.GetProperty("coordinates"), id),
            var other => throw new InvalidDataException($"District '{id}' has geometry type '{other}'; only Polygon and MultiPolygon are supported."),
        };

        if (!geometry.IsValid)
        {
            throw new InvalidDataException($"The boundary of district '{id}' is not a valid polygon.");
        }

        return new DistrictFeature(id, name, province, geometry, geometryElement.GetRawText(), GetString(properties, "note"));
    }

    private static MultiPolygon ReadMultiPolygon(JsonElement coordinates, string id)
    {
        var polygons = new List<Polygon>(coordinates.GetArrayLength());
        foreach (var polygon in coordinates.EnumerateArray())
        {
            polygons.Add(ReadPolygon(polygon, id));
        }

        return Factory.CreateMultiPolygon([.. polygons]);
    }

    private static Polygon ReadPolygon(JsonElement rings, string id)
    {
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
        {
            throw new InvalidDataException($"District '{id}' has a polygon without rings.");
        }

        LinearRing? shell = null;
        var holes = new List<LinearRing>();
        foreach (var ring in rings.EnumerateArray())
        {
            var linearRing = ReadRing(ring, id);
            if (shell is null)
            {
                shell = linearRing;
            }
            else
            {
                holes.Add(linearRing);
            }
        }

        return Factory.CreatePolygon(shell, [.. holes]);
    }

    private static LinearRing ReadRing(JsonElement ring, string id)
    {
        var coordinates = new Coordinate[ring.GetArrayLength()];
        var i = 0;
        foreach (var position in ring.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2)
            {
                throw new InvalidDataException($"District '{id}' has a position that is not [lon, lat].");
            }

            coordinates[i++] = new Coordinate(position[0].GetDouble(), position[1].GetDouble());
        }

        if (coordinates.Length < 4 || !coordinates[0].Equals2D(coordinates[^1]))
        {
            throw new InvalidDataException($"District '{id}' has a ring that is not closed or has fewer than 4 positions.");
        }

        return Factory.CreateLinearRing(coordinates);
    }

    private static string? GetString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
