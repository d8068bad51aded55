using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Grains.Devices;

/// <summary>
/// What an operator or an installer knows about a device. The kind is not part of it: it is chosen by the grain
/// interface the provisioning is sent to (see <see cref="GrainFactoryDeviceTwinExtensions.GetDeviceTwin"/>).
/// </summary>
/// <param name="Name">Display name, e.g. "Camera cổng Bệnh viện Đa khoa tỉnh".</param>
/// <param name="Location">Where the device is installed; the district is derived from it.</param>
/// <param name="Attributes">Static descriptive properties (site, model, address…); replaces the previous ones on re-provisioning.</param>
public sealed record DeviceProvisioning(string Name, GeoPoint Location, IReadOnlyDictionary<string, string>? Attributes = null);
