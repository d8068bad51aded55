using SmartCity.Twin.Runtime.CodeGeneration;

namespace SmartCity.Twin.Runtime;

/// <summary>How to make a reference for one grain interface: its generated proxy and the grain class behind it.</summary>
internal sealed record InterfaceBinding(
    Func<IGrainReferenceRuntime, GrainClassDescriptor, string, GrainReference> ProxyFactory,
    GrainClassDescriptor GrainClass);
