using System.Collections.Concurrent;

namespace SmartCity.Twin.Runtime.Activation;

/// <summary>The activations of this silo by grain id: at most one per id, also under concurrent first calls.</summary>
internal sealed class ActivationDirectory
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> activations = new();

    public int Count => activations.Count;

    public bool TryGet(GrainId grainId, out GrainActivation activation) => activations.TryGetValue(grainId, out activation!);

    /// <summary>
    /// Returns the activation for the id, adding <paramref name="candidate"/> if there is none. Constructing a
    /// candidate is cheap (the grain itself is created by the activation's first turn), so losing a race costs nothing.
    /// </summary>
    public GrainActivation GetOrAdd(GrainActivation candidate) => activations.GetOrAdd(candidate.GrainId, candidate);

    public void Remove(GrainActivation activation)
        => activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.GrainId, activation));

    public ICollection<GrainActivation> All => activations.Values;
}
