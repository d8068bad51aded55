using System.ComponentModel;

namespace SmartCity.Twin.Runtime.CodeGeneration;

/// <summary>What the generator knows about a grain class: its type name, interfaces, how to construct it, its options.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GrainClassDescriptor
{
    public required Type GrainClass { get; init; }

    public required string GrainType { get; init; }

    public required IReadOnlyList<Type> Interfaces { get; init; }

    /// <summary>Constructs the grain, resolving constructor parameters from the activation's services and state.</summary>
    public required Func<IServiceProvider, IGrainActivationContext, object> Create { get; init; }

    public bool IsReentrant { get; init; }

    /// <summary>From <see cref="CollectionAgeLimitAttribute"/>; <c>null</c> means the runtime default.</summary>
    public TimeSpan? CollectionAge { get; init; }

    public override string ToString() => GrainType;
}
