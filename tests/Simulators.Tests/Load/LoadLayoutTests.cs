using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulators.Load;

namespace SmartCity.Twin.Simulators.Tests.Load;

public sealed class LoadLayoutTests
{
    private static readonly ProvinceMap Map = ProvinceMap.Load(ProvinceMap.DefaultProvinceId);

    [Fact]
    public void Load_devices_stand_inside_the_district_they_count_in_and_cover_every_district()
    {
        var devices = LoadLayout.Place(Map, 1000, "load-");

        Assert.All(devices, d => Assert.Equal(d.DistrictId, Map.LocateDistrict(d.Location)?.Id));
        Assert.Equal(Map.Districts.Select(d => d.Id).Order(), devices.Select(d => d.DistrictId).Distinct().Order());
    }

    [Fact]
    public void Load_devices_of_a_district_are_spread_out_not_stacked_on_one_point()
    {
        var devices = LoadLayout.Place(Map, 200, "load-", "dong-hung");

        Assert.All(devices, d => Assert.Equal("dong-hung", d.DistrictId));
        Assert.True(devices.Select(d => d.Location).Distinct().Count() > 150);
    }

    [Fact]
    public void The_same_arguments_give_the_same_ids_and_places_so_a_rerun_updates_the_same_twins()
    {
        var first = LoadLayout.Place(Map, 50, "x-");
        var second = LoadLayout.Place(Map, 50, "x-");

        Assert.Equal(first, second);
        Assert.Equal("x-00000", first[0].Id);
        Assert.Equal(50, first.Select(d => d.Id).Distinct().Count());
    }
}
