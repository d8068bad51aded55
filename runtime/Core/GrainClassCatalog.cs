using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using SmartCity.Twin.Runtime.CodeGeneration;
using SmartCity.Twin.Runtime.Hosting;

namespace SmartCity.Twin.Runtime;

/// <summary>
/// Which grain class implements which grain interface, built from what generated module initializers registered.
/// Reflection is used here, once per assembly and interface, to find generated code; never per call.
/// </summary>
internal sealed class GrainClassCatalog
{
    private readonly ConcurrentDictionary<Type, InterfaceBinding> bindings = new();
    private readonly ConcurrentDictionary<string, GrainClassDescriptor> byGrainType = new(StringComparer.Ordinal);
    private readonly HashSet<Assembly> loaded = [];

    public GrainClassCatalog(IEnumerable<GrainAssembly> assemblies)
    {
        foreach (var assembly in assemblies)
        {
            Load(assembly.Assembly);
        }

        var entry = Assembly.GetEntryAssembly();
        if (entry is not null)
        {
            LoadWithReferences(entry);
        }

        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            Load(assembly);
        }

        Refresh();
    }

    public int GrainClassCount => byGrainType.Count;

    public InterfaceBinding GetBinding(Type grainInterface)
        => bindings.TryGetValue(grainInterface, out var binding) ? binding : bindings.GetOrAdd(grainInterface, Bind);

    public bool TryGetGrainClass(string grainType, out GrainClassDescriptor descriptor)
    {
        if (byGrainType.TryGetValue(grainType, out descriptor!))
        {
            return true;
        }

        Refresh();
        return byGrainType.TryGetValue(grainType, out descriptor!);
    }

    private InterfaceBinding Bind(Type grainInterface)
    {
        Load(grainInterface.Assembly);
        Refresh();
        if (!GeneratedCodeRegistry.TryGetProxyFactory(grainInterface, out var proxyFactory))
        {
            throw new InvalidOperationException(
                $"No generated proxy for {grainInterface.FullName}. Grain interfaces must derive from IGrainWithStringKey and their project must import runtime/GrainCode.props.");
        }

        var implementations = byGrainType.Values.Where(d => d.Interfaces.Contains(grainInterface)).ToList();
        return implementations.Count switch
        {
            1 => new InterfaceBinding(proxyFactory, implementations[0]),
            0 => throw new InvalidOperationException(
                $"No grain class implements {grainInterface.FullName}. Is the assembly that holds it referenced by the silo, or added with silo.AddGrainAssembly?"),
            _ => throw new InvalidOperationException(
                $"{grainInterface.FullName} is implemented by several grain classes ({string.Join(", ", implementations.Select(i => i.GrainClass.Name))}); get the grain through an interface only one of them implements."),
        };
    }

    private void Refresh()
    {
        foreach (var descriptor in GeneratedCodeRegistry.GrainClasses)
        {
            var existing = byGrainType.GetOrAdd(descriptor.GrainType, descriptor);
            if (existing.GrainClass != descriptor.GrainClass)
            {
                throw new InvalidOperationException(
                    $"Grain classes {existing.GrainClass.FullName} and {descriptor.GrainClass.FullName} share the grain type '{descriptor.GrainType}'; give one of them another [GrainType].");
            }
        }
    }

    private void LoadWithReferences(Assembly root)
    {
        var pending = new Stack<Assembly>();
        pending.Push(root);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var assembly = pending.Pop();
            if (!seen.Add(assembly.FullName ?? assembly.GetName().Name ?? string.Empty))
            {
                continue;
            }

            Load(assembly);
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (IsFrameworkAssembly(reference))
                {
                    continue;
                }

                try
                {
                    pending.Push(Assembly.Load(reference));
                }
                catch (FileNotFoundException)
                {
                    // Compile-time-only references (analyzers, reference assemblies) have nothing to load.
                }
            }
        }
    }

    private static bool IsFrameworkAssembly(AssemblyName name)
    {
        var simple = name.Name ?? string.Empty;
        return simple.StartsWith("System", StringComparison.Ordinal)
            || simple.StartsWith("Microsoft", StringComparison.Ordinal)
            || simple == "netstandard"
            || simple == "mscorlib";
    }

    private void Load(Assembly assembly)
    {
        lock (loaded)
        {
            if (!loaded.Add(assembly))
            {
                return;
            }
        }

        if (assembly.IsDefined(typeof(GeneratedGrainCodeAttribute), inherit: false))
        {
            RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        }
    }
}
