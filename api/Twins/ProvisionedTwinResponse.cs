using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Api.Twins;

/// <summary>The twin after provisioning; <see cref="Credentials"/> only in the response that created it.</summary>
internal sealed record ProvisionedTwinResponse(DeviceTwinSnapshot Twin, DeviceCredentialsResponse? Credentials)
{
    public string Id => Twin.Id;

    public DeviceKind Kind => Twin.Kind;

    public string? Name => Twin.Name;

    public string? DistrictId => Twin.DistrictId;
}
