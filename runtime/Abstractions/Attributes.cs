namespace SmartCity.Twin.Runtime;

/// <summary>The grain's turns may interleave at await points. They still never run in parallel.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReentrantAttribute : Attribute;

/// <summary>The method does not change grain state: it may interleave with other read-only calls.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;

/// <summary>The method is always allowed to interleave, even on a non-reentrant grain.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;

/// <summary>
/// Fire-and-forget: the caller does not wait for the grain to run the call, and no response is sent.
/// The method must return <see cref="Task"/> or <see cref="ValueTask"/>. Used for telemetry.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;

/// <summary>Names the grain type in identities and storage rows. Default: the class name without a trailing "Grain", in lower kebab case.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// How long an activation of this grain class may stay idle before it is collected.
/// Overrides <c>GrainCollectionOptions.CollectionAge</c> (15 minutes by default).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    public double Minutes { get; set; }

    public TimeSpan Amount => TimeSpan.FromMinutes(Minutes);
}

/// <summary>
/// Injects an <see cref="IPersistentState{TState}"/> into a grain constructor. The state is read from the
/// named storage provider before <see cref="Grain.OnActivateAsync"/> runs.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public string StateName { get; } = stateName;

    /// <summary>The keyed <see cref="Storage.IGrainStorage"/> service; <c>null</c> means <see cref="Storage.GrainStorageNames.Default"/>.</summary>
    public string? StorageName { get; } = storageName;
}
