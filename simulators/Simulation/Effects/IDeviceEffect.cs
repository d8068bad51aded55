using SmartCity.Twin.Simulation.Messages;

namespace SmartCity.Twin.Simulation.Effects;

/// <summary>
/// Something that changes what devices send for a while: a fire heating a panel, haze over districts, a power cut. The
/// simulation passes every message through every effect, and lets each add messages of its own.
/// </summary>
internal interface IDeviceEffect
{
    /// <summary>
    /// The message as the device sends it under this effect: <paramref name="message"/> itself (changed or not), or
    /// <c>null</c> when the device sends nothing (its power is cut, its camera is smashed).
    /// </summary>
    DeviceMessage? Apply(DeviceMessage message);

    /// <summary>Adds the messages this effect itself causes in the simulated interval (<paramref name="from"/>, <paramref name="to"/>], e.g. a scripted intrusion event.</summary>
    void Emit(DateTimeOffset from, DateTimeOffset to, ICollection<DeviceMessage> output);
}
