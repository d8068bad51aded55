using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Grains.Tests.Geography;

public sealed class ProvinceMapTests
{
    private static readonly ProvinceMap ThaiBinh = ProvinceMap.Load("thai-binh");

    [Fact]
    public void Thai_Binh_has_its_eight_2020_districts_with_Vietnamese_names()
    {
        Assert.Equal("thai-binh", ThaiBinh.Id);
        Assert.Equal("Thái Bình", ThaiBinh.Name);
        Assert.Equal(
            ["dong-hung", "hung-ha", "kien-xuong", "quynh-phu", "thai-binh", "thai-thuy", "tien-hai", "vu-thu"],
            ThaiBinh.Districts.Select(d => d.Id));
        Assert.Equal("Đông Hưng", ThaiBinh.FindDistrict("dong-hung")!.Name);
        Assert.Equal("Thái Thụy", ThaiBinh.FindDistrict("thai-thuy")!.Name);
        Assert.Null(ThaiBinh.FindDistrict("ha-noi"));
    }

    [Fact]
    public void The_province_bounding_box_matches_the_published_one()
    {
        Assert.Equal(new GeoBounds(106.10967, 20.24405, 106.65643, 20.72885), ThaiBinh.Bounds);
    }

    [Theory]
    [InlineData("thai-binh", 106.3366, 20.4463)] // Thái Bình city centre
    [InlineData("dong-hung", 106.3439, 20.5536)] // Đông Hưng town
    [InlineData("hung-ha", 106.2155, 20.5934)] // Hưng Hà town
    [InlineData("quynh-phu", 106.3284, 20.6526)] // Quỳnh Côi town
    [InlineData("thai-thuy", 106.5676, 20.5586)] // Diêm Điền town
    [InlineData("tien-hai", 106.5074, 20.4046)] // Tiền Hải town
    [InlineData("kien-xuong", 106.4283, 20.3977)] // Thanh Nê town
    [InlineData("vu-thu", 106.2834, 20.4339)] // Vũ Thư town
    public void A_town_centre_resolves_to_its_district(string expectedDistrict, double longitude, double latitude)
    {
        Assert.Equal(expectedDistrict, ThaiBinh.LocateDistrict(longitude, latitude)?.Id);
    }

    [Fact]
    public void The_interior_point_of_every_district_resolves_to_that_district()
    {
        foreach (var district in ThaiBinh.Districts)
        {
            Assert.Equal(district.Id, ThaiBinh.LocateDistrict(district.InteriorPoint)?.Id);
            Assert.True(district.Bounds.Contains(district.InteriorPoint));
        }
    }

    [Fact]
    public void Centroids_that_lie_inside_their_district_resolve_to_it()
    {
        var checkedCentroids = 0;
        foreach (var district in ThaiBinh.Districts)
        {
            var point = district.Geometry.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(district.Centroid.Longitude, district.Centroid.Latitude));
            if (district.Geometry.Contains(point))
            {
                Assert.Equal(district.Id, ThaiBinh.LocateDistrict(district.Centroid)?.Id);
                checkedCentroids++;
            }
        }

        Assert.True(checkedCentroids >= 6, $"only {checkedCentroids} centroids fall inside their district");
    }

    [Theory]
    [InlineData(106.31757, 20.6071, "dong-hung")] // vertex shared by Đông Hưng and Hưng Hà
    [InlineData(106.33328, 20.48228, "thai-binh")] // vertex shared by Thái Bình city and Vũ Thư
    [InlineData(106.49184, 20.30293, "kien-xuong")] // vertex shared by Kiến Xương and Tiền Hải
    [InlineData(106.33666, 20.49999, "dong-hung")] // vertex shared by Đông Hưng, Thái Bình city and Vũ Thư
    [InlineData(106.35997, 20.502465, "dong-hung")] // middle of a north-south edge shared by Đông Hưng and Thái Bình city
    public void A_point_on_a_shared_border_belongs_to_the_neighbour_whose_id_sorts_first(double longitude, double latitude, string expectedDistrict)
    {
        Assert.Equal(expectedDistrict, ThaiBinh.LocateDistrict(longitude, latitude)?.Id);
    }

    [Fact]
    public void A_point_on_a_slanted_shared_edge_resolves_to_exactly_one_neighbour_every_time()
    {
        // Midpoint of the Đông Hưng / Hưng Hà edge (106.31757, 20.6071)–(106.31806, 20.60391): in floating point it may
        // land a hair to either side, so only "one of the two, always the same" is specified.
        var first = ThaiBinh.LocateDistrict((106.31757 + 106.31806) / 2, (20.6071 + 20.60391) / 2);

        Assert.Contains(first?.Id, new[] { "dong-hung", "hung-ha" });
        for (var i = 0; i < 10; i++)
        {
            Assert.Same(first, ThaiBinh.LocateDistrict((106.31757 + 106.31806) / 2, (20.6071 + 20.60391) / 2));
        }
    }

    [Fact]
    public void A_point_on_the_province_outline_belongs_to_the_district_it_bounds()
    {
        var westernmost = ThaiBinh.Districts
            .SelectMany(d => d.Geometry.Coordinates.Select(c => (District: d, Coordinate: c)))
            .MinBy(x => x.Coordinate.X);

        Assert.Equal(106.10967, westernmost.Coordinate.X);
        Assert.Equal(westernmost.District.Id, ThaiBinh.LocateDistrict(westernmost.Coordinate.X, westernmost.Coordinate.Y)?.Id);
    }

    [Theory]
    [InlineData(106.75, 20.55)] // Gulf of Tonkin, east of Thái Thụy
    [InlineData(105.8542, 21.0285)] // Hà Nội, Hoàn Kiếm
    [InlineData(106.0763, 21.1861)] // Bắc Ninh city
    [InlineData(106.15, 20.30)] // Nam Định side of the Red River, inside the bounding box
    [InlineData(double.NaN, 20.5)]
    public void A_point_outside_the_province_has_no_district(double longitude, double latitude)
    {
        Assert.Null(ThaiBinh.LocateDistrict(longitude, latitude));
    }

    [Fact]
    public void All_three_seed_provinces_ship_and_load()
    {
        Assert.Equal(["bac-ninh", "hau-giang", "thai-binh"], ProvinceMap.AvailableProvinceIds);

        var bacNinh = ProvinceMap.Load("bac-ninh");
        Assert.Equal("Bắc Ninh", bacNinh.Name);
        Assert.Equal(8, bacNinh.Districts.Count);
        Assert.Equal("tu-son", bacNinh.LocateDistrict(105.9566, 21.1165)?.Id); // Từ Sơn
        Assert.Equal("bac-ninh", bacNinh.LocateDistrict(106.0763, 21.1861)?.Id); // Bắc Ninh city

        var hauGiang = ProvinceMap.Load("hau-giang");
        Assert.Equal("Hậu Giang", hauGiang.Name);
        Assert.Equal(7, hauGiang.Districts.Count);
        Assert.NotNull(hauGiang.FindDistrict("long-my")!.Note);
        Assert.Equal("vi-thanh", hauGiang.LocateDistrict(105.4700, 9.7830)?.Id); // Vị Thanh city
    }

    [Fact]
    public void Every_district_exposes_its_geometry_as_GeoJSON()
    {
        foreach (var district in ThaiBinh.Districts)
        {
            using var json = System.Text.Json.JsonDocument.Parse(district.GeometryGeoJson);
            Assert.Equal("Polygon", json.RootElement.GetProperty("type").GetString());
        }
    }

    [Fact]
    public void An_unknown_province_is_rejected_with_the_available_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => ProvinceMap.Load("ha-noi"));
        Assert.Contains("thai-binh", error.Message);
    }

    [Fact]
    public void The_attribution_is_the_one_required_by_the_licence()
    {
        Assert.Contains("geoBoundaries", ProvinceMap.Attribution);
        Assert.Contains("CC BY 3.0 IGO", ProvinceMap.Attribution);
        Assert.Contains("OCHA ROAP / Government of Viet Nam", ProvinceMap.Attribution);
    }
}
