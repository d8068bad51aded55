using System.ComponentModel;

namespace SmartCity.Twin.Runtime.CodeGeneration;

/// <summary>
/// Base of generated grain proxies. A reference is a grain id plus a cached pointer to the activation it last
/// reached, so repeated calls skip the directory lookup.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainReference(IGrainReferenceRuntime runtime, GrainClassDescriptor grainClass, string key)
{
    /// <summary>The activation last reached; owned by the runtime.</summary>
    internal object? CachedActivation;

    public GrainId GrainId => new(GrainClass.GrainType, Key);

    public string Key { get; } = key;

    public GrainClassDescriptor GrainClass { get; } = grainClass;

    internal IGrainReferenceRuntime Runtime { get; } = runtime;

    protected ValueTask<TResult> Invoke<TResult>(Request<TResult> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Runtime.Send(this, request);
        return request.AsValueTask();
    }

    protected ValueTask InvokeVoid(Request<VoidResult> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Runtime.Send(this, request);
        return request.AsVoidValueTask();
    }

    protected void InvokeOneWay(OneWayRequest request) => Runtime.Send(this, request);

    public override string ToString() => GrainId.ToString();

    public override bool Equals(object? obj) => obj is GrainReference other && other.GrainClass == GrainClass && other.Key == Key;

    public override int GetHashCode() => HashCode.Combine(GrainClass.GrainType, Key);
}
