namespace SmartCity.Twin.Runtime.Storage;

/// <summary>A write or clear found a stored ETag other than the one the grain last saw: another writer got there first.</summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    public InconsistentStateException(string message) : base(message)
    {
    }

    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The ETag mismatch error, worded the same by every provider so logs read alike.</summary>
    public static InconsistentStateException EtagMismatch(string operation, string stateName, GrainId grainId, string? storedEtag, string? currentEtag) =>
        new(
            $"{operation} of state '{stateName}' of grain {grainId} failed: the stored ETag is {Describe(storedEtag)} but this activation " +
            $"has {Describe(currentEtag)}. Another activation or process wrote it since this activation last read or wrote it.",
            storedEtag,
            currentEtag);

    private static string Describe(string? etag) => etag is null ? "none (no row)" : "'" + etag + "'";

    /// <summary>The ETag found in storage (<c>null</c>: no row).</summary>
    public string? StoredEtag { get; }

    /// <summary>The ETag the grain wrote with.</summary>
    public string? CurrentEtag { get; }
}
