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

    /// <summary>The ETag found in storage (<c>null</c>: no row).</summary>
    public string? StoredEtag { get; }

    /// <summary>The ETag the grain wrote with.</summary>
    public string? CurrentEtag { get; }
}
