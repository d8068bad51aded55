using System.Text.Json;
using NetTopologySuite.Geometries;

namespace SmartCity.Twin.Api.Districts;

/// <summary>Writes the polygonal geometries the province map produces as RFC 7946 geometry objects (longitude, latitude).</summary>
internal static class GeoJsonGeometry
{
    public static void Write(Utf8JsonWriter writer, Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(geometry);
        switch (geometry)
        {
            case Polygon polygon:
                writer.WriteStartObject();
                writer.WriteString("type", "Polygon");
                writer.WritePropertyName("coordinates");
                WriteRings(writer, polygon);
                writer.WriteEndObject();
                break;
            case MultiPolygon multi:
                writer.WriteStartObject();
                writer.WriteString("type", "MultiPolygon");
                writer.WriteStartArray("coordinates");
                foreach (var part in multi.Geometries)
                {
                    WriteRings(writer, (Polygon)part);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            default:
                // A union of areas that also holds lines or points (degenerate slivers): keep only its areas.
                var polygons = Enumerable.Range(0, geometry.NumGeometries)
                    .Select(geometry.GetGeometryN)
                    .SelectMany(g => g is MultiPolygon m ? m.Geometries.Cast<Polygon>() : g is Polygon p ? [p] : [])
                    .ToArray();
                Write(writer, geometry.Factory.CreateMultiPolygon(polygons));
                break;
        }
    }

    private static void WriteRings(Utf8JsonWriter writer, Polygon polygon)
    {
        writer.WriteStartArray();
        WriteRing(writer, polygon.Shell);
        foreach (var hole in polygon.Holes)
        {
            WriteRing(writer, hole);
        }

        writer.WriteEndArray();
    }

    private static void WriteRing(Utf8JsonWriter writer, LineString ring)
    {
        writer.WriteStartArray();
        foreach (var coordinate in ring.Coordinates)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(Math.Round(coordinate.X, 5));
            writer.WriteNumberValue(Math.Round(coordinate.Y, 5));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
