namespace SmartCity.Twin.Gateways.Mqtt.Tests.Fuzz;

/// <summary>The fuzzer measures the process's managed memory, so it runs alone rather than beside the endpoint tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "Fuzz";
}
