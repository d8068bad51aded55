using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Cameras;
using SmartCity.Twin.Grains.Devices.EnvironmentSensors;
using SmartCity.Twin.Grains.Devices.FireAlarms;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Api.Tests.Alerts;

/// <summary>Device twins in the silo under test, reached through its grain factory as a detector would.</summary>
internal sealed class AlertTwins(IServiceProvider services)
{
    /// <summary>Thái Bình city hall square; the others are offsets from it.</summary>
    public static readonly GeoPoint CityCentre = new(106.3366, 20.4463);

    /// <summary>About 150 m east of <see cref="CityCentre"/>.</summary>
    public static readonly GeoPoint NextStreet = new(106.3380, 20.4463);

    /// <summary>Diêm Điền, Thái Thụy: 25 km away.</summary>
    public static readonly GeoPoint DiemDien = new(106.5676, 20.5586);

    /// <summary>About 100 m east of <see cref="CityCentre"/>.</summary>
    public static readonly GeoPoint AcrossTheSquare = new(106.33756, 20.4463);

    private static int isolated;

    private IGrainFactory Grains => services.GetRequiredService<IGrainFactory>();

    /// <summary>
    /// A place no other call returns, 1.2 km from its neighbours and over 600 m from the fixed places above, for alerts
    /// that must not form incidents with other tests' alerts in the same silo.
    /// </summary>
    public static GeoPoint Isolated()
    {
        var n = Interlocked.Increment(ref isolated);
        return new GeoPoint(106.20 + (0.012 * (n % 25)), 20.45 + (0.012 * (n / 25 % 10)));
    }

    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    public async Task<IFireAlarmTwin> FirePanelAsync(string id, GeoPoint at)
    {
        var twin = Grains.GetGrain<IFireAlarmTwin>(id);
        await twin.Provision(new DeviceProvisioning("Tủ báo cháy " + id, at));
        return twin;
    }

    public async Task<ICameraTwin> CameraAsync(string id, GeoPoint at)
    {
        var twin = Grains.GetGrain<ICameraTwin>(id);
        await twin.Provision(new DeviceProvisioning("Camera " + id, at));
        return twin;
    }

    public async Task<IEnvironmentSensorTwin> SensorAsync(string id, GeoPoint at)
    {
        var twin = Grains.GetGrain<IEnvironmentSensorTwin>(id);
        await twin.Provision(new DeviceProvisioning("Trạm quan trắc " + id, at));
        return twin;
    }
}
