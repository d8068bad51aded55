using System.ComponentModel;

namespace SmartCity.Twin.Runtime.CodeGeneration;

/// <summary>The context the generated activator uses while it constructs a grain.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGrainActivationContext : IGrainContext
{
    /// <summary>A state bound to this activation; the runtime reads it before <see cref="Grain.OnActivateAsync"/>.</summary>
    IPersistentState<TState> GetPersistentState<TState>(string stateName, string? storageName)
        where TState : new();
}
