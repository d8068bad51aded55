namespace SmartCity.Twin.Runtime.Activation;

internal interface IPersistentStateLoader
{
    Task ReadStateAsync();
}
