namespace SmartCity.Twin.Benchmarks.Memory;

/// <param name="GrossBytes">Live heap growth per activation: grain object, activation, directory entry.</param>
/// <param name="GrainObjectBytes">The grain object itself (the application's part).</param>
/// <param name="ReferenceBytes">A cached grain reference plus its slot in the caller's array; not part of the activation.</param>
/// <param name="AllocatedBytes">Everything allocated per activation, garbage included.</param>
internal sealed record IdleMemoryResult(int Activations, double GrossBytes, long GrainObjectBytes, double ReferenceBytes, double AllocatedBytes)
{
    public double RuntimeOverheadBytes => GrossBytes - GrainObjectBytes;
}
