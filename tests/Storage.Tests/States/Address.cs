namespace SmartCity.Twin.Runtime.Storage.Tests.States;

public sealed class Address
{
    public string Street { get; set; } = "";

    public string District { get; set; } = "";
}
