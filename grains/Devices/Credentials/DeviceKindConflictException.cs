namespace SmartCity.Twin.Grains.Devices.Credentials;

/// <summary>A device id is already registered as another kind of device; ids are unique across kinds.</summary>
public sealed class DeviceKindConflictException : Exception
{
    public DeviceKindConflictException()
    {
    }

    public DeviceKindConflictException(string message)
        : base(message)
    {
    }

    public DeviceKindConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DeviceKindConflictException(string deviceId, DeviceKind registered, DeviceKind requested)
        : base($"Device '{deviceId}' is registered as {registered}, not {requested}.")
    {
        Registered = registered;
    }

    public DeviceKind? Registered { get; }
}
