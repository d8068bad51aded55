namespace SmartCity.Twin.Runtime.Storage.Tests.Catalog;

public sealed class MemoryGrainStateCatalogTests : GrainStateCatalogSpecification
{
    // The store is the instance itself, so "another provider on the same store" is the same object.
    private readonly MemoryGrainStorage _storage = new();

    protected override IGrainStorage CreateStorage() => _storage;
}
