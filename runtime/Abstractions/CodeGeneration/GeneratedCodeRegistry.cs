using System.Collections.Concurrent;
using System.ComponentModel;

namespace SmartCity.Twin.Runtime.CodeGeneration;

/// <summary>
/// Where generated module initializers register proxies and grain classes. The runtime reads it at start-up and on
/// the first <c>GetGrain</c> of an interface, never per call.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedCodeRegistry
{
    private static readonly ConcurrentDictionary<Type, Func<IGrainReferenceRuntime, GrainClassDescriptor, string, GrainReference>> Proxies = new();
    private static readonly ConcurrentDictionary<Type, GrainClassDescriptor> Classes = new();

    public static void RegisterProxy<TGrainInterface>(Func<IGrainReferenceRuntime, GrainClassDescriptor, string, GrainReference> factory)
        where TGrainInterface : IGrain
        => Proxies[typeof(TGrainInterface)] = factory;

    public static void RegisterGrainClass(GrainClassDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Classes[descriptor.GrainClass] = descriptor;
    }

    public static bool TryGetProxyFactory(Type grainInterface, out Func<IGrainReferenceRuntime, GrainClassDescriptor, string, GrainReference> factory)
        => Proxies.TryGetValue(grainInterface, out factory!);

    public static ICollection<GrainClassDescriptor> GrainClasses => Classes.Values;
}
