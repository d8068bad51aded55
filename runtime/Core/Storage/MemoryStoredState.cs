namespace SmartCity.Twin.Runtime.Storage;

/// <summary>A class, not a struct: <see cref="MemoryGrainStorage"/> compares rows by reference to detect concurrent writers.</summary>
internal sealed class MemoryStoredState(string? json, string etag)
{
    /// <summary><c>null</c> for a tombstone left by a clear.</summary>
    public string? Json { get; } = json;

    public string ETag { get; } = etag;
}
