namespace SmartCity.Twin.Simulation.Running;

/// <summary>The twin refused a simulated device's message, or the transport could not deliver it.</summary>
internal sealed class DeviceUplinkException : Exception
{
    public DeviceUplinkException()
    {
    }

    public DeviceUplinkException(string message)
        : base(message)
    {
    }

    public DeviceUplinkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
