namespace SmartCity.Twin.Grains.Access;

internal sealed class ApiKeyRegistryState
{
    /// <summary>By key name.</summary>
    public Dictionary<string, ApiKeyRecord> Keys { get; set; } = new(StringComparer.Ordinal);
}
