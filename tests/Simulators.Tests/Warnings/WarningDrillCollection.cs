namespace SmartCity.Twin.Simulators.Tests.Warnings;

/// <summary>The end-to-end warning drills, one after another: each plays a whole silo and a simulator at hundreds of times real speed.</summary>
[CollectionDefinition(Name)]
public sealed class WarningDrillCollection
{
    public const string Name = "warning drills";
}
