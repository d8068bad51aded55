using Microsoft.AspNetCore.Http;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Api.Devices;

/// <summary>The device whose own credential authenticated a request (not an operator's key).</summary>
internal sealed record AuthenticatedDevice(string Id, DeviceKind Kind)
{
    public static AuthenticatedDevice? Of(HttpContext http) =>
        http.Items.TryGetValue(typeof(AuthenticatedDevice), out var device) ? device as AuthenticatedDevice : null;

    public void AttachTo(HttpContext http) => http.Items[typeof(AuthenticatedDevice)] = this;
}
