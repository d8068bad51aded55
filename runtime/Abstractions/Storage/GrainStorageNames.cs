namespace SmartCity.Twin.Runtime.Storage;

public static class GrainStorageNames
{
    /// <summary>The provider used when <see cref="PersistentStateAttribute.StorageName"/> is not given.</summary>
    public const string Default = "Default";
}
