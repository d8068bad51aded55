namespace SmartCity.Twin.Api.Kpis;

/// <summary>Violations of one district since the last sample; a field, so twins can count it up with <see cref="Interlocked"/>.</summary>
internal sealed class ViolationCount
{
#pragma warning disable SA1401, CA1051 // Interlocked needs the field itself.
    public long Value;
#pragma warning restore SA1401, CA1051
}
