namespace SmartCity.Twin.Runtime.Storage.Sqlite;

/// <summary>The ETag mismatch error. Every provider words it the same (the shared storage tests check it) so logs read alike.</summary>
internal static class StorageEtagConflict
{
    public static InconsistentStateException Create(string operation, string stateName, GrainId grainId, string? storedEtag, string? currentEtag) =>
        new(
            $"{operation} of state '{stateName}' of grain {grainId} failed: the stored ETag is {Describe(storedEtag)} but this activation " +
            $"has {Describe(currentEtag)}. Another activation or process wrote it since this activation last read or wrote it.",
            storedEtag,
            currentEtag);

    private static string Describe(string? etag) => etag is null ? "none (no row)" : "'" + etag + "'";
}
