namespace SmartCity.Twin.Runtime.Collection;

/// <summary>
/// Measures idleness in epochs of <see cref="GrainCollectionOptions.CollectionQuantum"/>: an activation stamps the
/// current epoch when a caller reaches it (one volatile read on the hot path), and each tick deactivates those whose
/// stamp is older than their collection age.
/// </summary>
internal sealed class ActivationCollector
{
    private int epoch;

    public int Epoch => Volatile.Read(ref epoch);

    public int Advance() => Interlocked.Increment(ref epoch);
}
