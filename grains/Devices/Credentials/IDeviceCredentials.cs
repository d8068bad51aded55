using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.Credentials;

/// <summary>
/// The credentials of one device (grain key: the device id), and the directory entry that says which kind of twin the
/// id belongs to. The secret is returned once, when issued; only a salted hash of it is stored.
/// </summary>
public interface IDeviceCredentials : IGrainWithStringKey
{
    /// <summary>
    /// Registers the device as <paramref name="kind"/> and issues its secret, or, when it is already registered as
    /// that kind, returns the registration without a secret. Saved before it returns.
    /// </summary>
    /// <exception cref="DeviceKindConflictException">The id is already registered as another kind.</exception>
    Task<DeviceRegistration> Register(DeviceKind kind);

    /// <summary>
    /// Issues a new secret for a registered device (a leaked or lost secret, a replaced device): the previous secret
    /// stops authenticating at once. Saved before it returns; <c>null</c> when the id is not registered.
    /// </summary>
    Task<string?> Rotate();

    /// <summary>The device's kind when <paramref name="secret"/> is its current secret; <c>null</c> otherwise (also when unregistered).</summary>
    [ReadOnly]
    Task<DeviceKind?> Authenticate(string secret);

    /// <summary>The kind the id is registered as; <c>null</c> when unregistered.</summary>
    [ReadOnly]
    Task<DeviceKind?> GetKind();

    /// <summary>
    /// Forgets the registration (the device was deleted): its secret stops authenticating at once, and the id is free to
    /// be registered again, as any kind. Idempotent; saved before it returns.
    /// </summary>
    Task Remove();
}
