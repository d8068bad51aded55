using System.Collections.Frozen;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace SmartCity.Twin.Grains.Geography;

/// <summary>
/// The districts of one province and the point-to-district lookup that assigns every device twin to a district.
/// Immutable and safe to share between threads; registered as a singleton by <c>AddTwinGrains</c>.
/// </summary>
/// <remarks>
/// <para>
/// Border rule: a point strictly inside a district belongs to it. A point on the boundary of several districts
/// (a shared vertex or edge) belongs to the one whose <see cref="District.Id"/> sorts first in ordinal order, so the
/// answer never depends on load order or on floating-point luck. A point on the province outline belongs to the one
/// district whose boundary it is on. A point outside every district has no district.
/// </para>
/// <para>Boundaries: <see cref="Attribution"/>.</para>
/// </remarks>
public sealed class ProvinceMap
{
    /// <summary>The demo province.</summary>
    public const string DefaultProvinceId = "thai-binh";

    /// <summary>The CC BY 3.0 IGO attribution that must accompany the boundaries wherever they are shown or shipped.</summary>
    public const string Attribution =
        "District boundaries © geoBoundaries (https://www.geoboundaries.org), gbOpen VNM ADM2 (2020); "
        + "source: OCHA ROAP / Government of Viet Nam; licence CC BY 3.0 IGO. Modified: district subset "
        + "extracted, coordinates rounded to 5 decimals, province outlines dissolved from districts.";

    private const string ResourcePrefix = "SmartCity.Twin.Grains.Geography.";
    private const string ResourceSuffix = ".districts.geojson";

    private readonly FrozenDictionary<string, District> districtsById;
    private readonly STRtree<District> index;

    private ProvinceMap(string id, string name, IReadOnlyList<District> districts)
    {
        Id = id;
        Name = name;
        Districts = districts;
        districtsById = districts.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);

        index = new STRtree<District>();
        var envelope = new Envelope();
        foreach (var district in districts)
        {
            index.Insert(district.Envelope, district);
            envelope.ExpandToInclude(district.Envelope);
        }

        index.Build();
        Bounds = new GeoBounds(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY);
    }

    /// <summary>The provinces whose boundaries ship with the grains: <c>thai-binh</c>, <c>bac-ninh</c>, <c>hau-giang</c>.</summary>
    public static IReadOnlyList<string> AvailableProvinceIds { get; } = typeof(ProvinceMap).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^ResourceSuffix.Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>ASCII slug of the province (e.g. <c>thai-binh</c>); the key of the province twin.</summary>
    public string Id { get; }

    /// <summary>Vietnamese name (e.g. <c>Thái Bình</c>).</summary>
    public string Name { get; }

    /// <summary>The districts, ordered by <see cref="District.Id"/>.</summary>
    public IReadOnlyList<District> Districts { get; }

    public GeoBounds Bounds { get; }

    /// <summary>Loads one of <see cref="AvailableProvinceIds"/> from the boundaries embedded in this assembly.</summary>
    public static ProvinceMap Load(string provinceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        using var stream = typeof(ProvinceMap).Assembly.GetManifestResourceStream(ResourcePrefix + provinceId + ResourceSuffix)
            ?? throw new ArgumentException(
                $"No boundaries ship for province '{provinceId}'. Available: {string.Join(", ", AvailableProvinceIds)}.",
                nameof(provinceId));
        return FromGeoJson(provinceId, stream);
    }

    /// <summary>Builds a map from a GeoJSON FeatureCollection of district polygons (properties <c>id</c>, <c>name</c>, <c>province</c>).</summary>
    public static ProvinceMap FromGeoJson(string provinceId, Stream utf8GeoJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceId);
        var features = DistrictGeoJsonReader.Read(utf8GeoJson);
        if (features.Count == 0)
        {
            throw new InvalidDataException($"The boundaries of province '{provinceId}' contain no districts.");
        }

        var provinceNames = features.Select(f => f.ProvinceName).Distinct(StringComparer.Ordinal).ToArray();
        if (provinceNames.Length != 1)
        {
            throw new InvalidDataException($"The districts of '{provinceId}' name {provinceNames.Length} provinces; expected one.");
        }

        var duplicate = features.GroupBy(f => f.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"District id '{duplicate.Key}' occurs more than once in '{provinceId}'.");
        }

        var districts = features
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => new District(f.Id, f.Name, f.ProvinceName, f.Geometry, f.GeometryGeoJson, f.Note))
            .ToArray();
        return new ProvinceMap(provinceId, provinceNames[0], districts);
    }

    public District? FindDistrict(string districtId) =>
        districtsById.GetValueOrDefault(districtId);

    /// <summary>The district containing the point, applying the border rule of <see cref="ProvinceMap"/>; <c>null</c> outside the province.</summary>
    public District? LocateDistrict(double longitude, double latitude)
    {
        if (!double.IsFinite(longitude) || !double.IsFinite(latitude) || !Bounds.Contains(new GeoPoint(longitude, latitude)))
        {
            return null;
        }

        var coordinate = new Coordinate(longitude, latitude);
        District? onBoundary = null;
        foreach (var candidate in index.Query(new Envelope(coordinate)))
        {
            switch (candidate.Locate(coordinate))
            {
                case Location.Interior:
                    return candidate;
                case Location.Boundary when onBoundary is null || string.CompareOrdinal(candidate.Id, onBoundary.Id) < 0:
                    onBoundary = candidate;
                    break;
            }
        }

        return onBoundary;
    }

    public District? LocateDistrict(GeoPoint point) => LocateDistrict(point.Longitude, point.Latitude);

    public override string ToString() => $"{Name} ({Id}, {Districts.Count} districts)";
}
