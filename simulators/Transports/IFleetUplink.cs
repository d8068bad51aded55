using SmartCity.Twin.Simulation.Running;

namespace SmartCity.Twin.Simulators.Transports;

/// <summary>An uplink that keeps devices connected, so it can tell how many are, and take them all off the air cleanly.</summary>
internal interface IFleetUplink : IDeviceUplink
{
    /// <summary>Devices connected right now (for HTTP, which has no connection: those that have been heard).</summary>
    int ConnectedDevices { get; }

    /// <summary>Every connected device says <c>offline</c> and disconnects, as on a clean shutdown.</summary>
    Task SignOffAsync(CancellationToken cancellationToken);
}
