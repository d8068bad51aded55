namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

/// <summary>Load and fuzz tests run alone, so they neither starve nor are starved by the timing-sensitive specs.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveEndpointLoadCollection
{
    public const string Name = "Live endpoint load";
}
