using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace SmartCity.Twin.Grains.Geography;

/// <summary>A district-level unit of a province: its identity and its boundary polygon (WGS 84).</summary>
public sealed class District
{
    private readonly IndexedPointInAreaLocator locator;

    internal District(string id, string name, string provinceName, Geometry geometry, string geometryGeoJson, string? note)
    {
        Id = id;
        Name = name;
        ProvinceName = provinceName;
        Geometry = geometry;
        GeometryGeoJson = geometryGeoJson;
        Note = note;

        var centroid = geometry.Centroid.Coordinate;
        Centroid = new GeoPoint(centroid.X, centroid.Y);
        var interior = geometry.InteriorPoint.Coordinate;
        InteriorPoint = new GeoPoint(interior.X, interior.Y);
        var envelope = geometry.EnvelopeInternal;
        Bounds = new GeoBounds(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY);

        locator = new IndexedPointInAreaLocator(geometry);
    }

    /// <summary>ASCII slug, unique within the province (e.g. <c>dong-hung</c>); the key of the district twin.</summary>
    public string Id { get; }

    /// <summary>Vietnamese name with diacritics (e.g. <c>Đông Hưng</c>).</summary>
    public string Name { get; }

    public string ProvinceName { get; }

    /// <summary>Polygon or MultiPolygon, SRID 4326.</summary>
    public Geometry Geometry { get; }

    /// <summary>The GeoJSON geometry object exactly as shipped, for clients that draw the map.</summary>
    public string GeometryGeoJson { get; }

    /// <summary>The centre of mass; it may fall outside a concave district, so use <see cref="InteriorPoint"/> for labels and markers.</summary>
    public GeoPoint Centroid { get; }

    /// <summary>A point guaranteed to lie inside the district.</summary>
    public GeoPoint InteriorPoint { get; }

    public GeoBounds Bounds { get; }

    /// <summary>A caveat of the source data (for example a polygon that covers two units), or <c>null</c>.</summary>
    public string? Note { get; }

    internal Envelope Envelope => Geometry.EnvelopeInternal;

    internal Location Locate(Coordinate coordinate) => locator.Locate(coordinate);

    public override string ToString() => $"{Name} ({Id})";
}
