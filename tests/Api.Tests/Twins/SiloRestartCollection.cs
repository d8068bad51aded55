namespace SmartCity.Twin.Api.Tests.Twins;

/// <summary>
/// Specs that stop a silo and start another on the same data run on their own: with other silos of the test run
/// stopping at the same moment, shutdown has been seen to wait out its 30-second deactivation timeout.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SiloRestartCollection
{
    public const string Name = "Silo restart";
}
