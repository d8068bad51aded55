namespace SmartCity.Twin.Runtime.CodeGeneration;

/// <summary>An immutable list of the activations that are waiting on a request, innermost first.</summary>
internal sealed class CallChain(object activation, GrainId grainId, CallChain? next)
{
    public object Activation { get; } = activation;

    public GrainId GrainId { get; } = grainId;

    public CallChain? Next { get; } = next;

    public bool Contains(object activation)
    {
        for (var node = this; node is not null; node = node.Next)
        {
            if (ReferenceEquals(node.Activation, activation))
            {
                return true;
            }
        }

        return false;
    }
}
