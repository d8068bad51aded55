using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Grains.Rollups;

internal static class RollupKeys
{
    public static string Device(DeviceKind kind, string deviceId) => kind + "/" + deviceId;
}
