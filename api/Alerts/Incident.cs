namespace SmartCity.Twin.Api.Alerts;

/// <summary>The alerts the directory grouped together, in the order they joined. Guarded by the directory's lock.</summary>
internal sealed class Incident(string id, IEnumerable<string> alertIds)
{
    public string Id { get; } = id;

    public List<string> AlertIds { get; } = [.. alertIds];
}
