using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulators.Transports;

namespace SmartCity.Twin.Simulators.Tests.Transports;

public sealed class TransportPlanTests
{
    private static readonly SimulatedProvince ThaiBinh = SimulatedProvince.Create(ProvinceMap.Load("thai-binh"));

    [Fact]
    public void The_http_share_of_the_devices_posts_over_http_and_the_rest_uses_mqtt()
    {
        var plan = TransportPlan.Create(ThaiBinh.Devices, DeviceTransport.Device, 0.05, seed: 7);

        Assert.Equal((int)Math.Round(ThaiBinh.Devices.Count * 0.05, MidpointRounding.AwayFromZero), plan.HttpDevices.Count);
        Assert.Equal(ThaiBinh.Devices.Count, plan.HttpDevices.Count + plan.MqttDevices.Count);
        Assert.Empty(plan.HttpDevices.Intersect(plan.MqttDevices));
    }

    [Fact]
    public void The_same_seed_sends_the_same_devices_over_http()
    {
        var first = TransportPlan.Create(ThaiBinh.Devices, DeviceTransport.Device, 0.1, seed: 42);
        var again = TransportPlan.Create(ThaiBinh.Devices, DeviceTransport.Device, 0.1, seed: 42);
        var other = TransportPlan.Create(ThaiBinh.Devices, DeviceTransport.Device, 0.1, seed: 43);

        Assert.Equal(first.HttpDevices.Select(d => d.Id), again.HttpDevices.Select(d => d.Id));
        Assert.NotEqual(first.HttpDevices.Select(d => d.Id), other.HttpDevices.Select(d => d.Id));
    }

    [Fact]
    public void Devices_behind_a_gateway_need_no_credentials_of_their_own_but_http_devices_do()
    {
        var plan = TransportPlan.Create(ThaiBinh.Devices, DeviceTransport.Gateway, 0.05, seed: 7);

        Assert.All(plan.MqttDevices, d => Assert.False(plan.NeedsCredentials(d)));
        Assert.All(plan.HttpDevices, d => Assert.True(plan.NeedsCredentials(d)));
    }

    [Fact]
    public void Devices_on_their_own_connections_need_their_credentials()
    {
        var plan = TransportPlan.Create(ThaiBinh.Devices, DeviceTransport.Device, 0, seed: 7);

        Assert.Empty(plan.HttpDevices);
        Assert.All(plan.MqttDevices, d => Assert.True(plan.NeedsCredentials(d)));
    }
}
