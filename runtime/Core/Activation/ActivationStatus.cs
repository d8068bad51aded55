namespace SmartCity.Twin.Runtime.Activation;

internal enum ActivationStatus
{
    Activating,
    Valid,
    Deactivating,
    Invalid,
}
