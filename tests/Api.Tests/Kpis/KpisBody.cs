using System.Text.Json;

namespace SmartCity.Twin.Api.Tests.Kpis;

/// <summary>The KPI answer as a client reads it: kept as JSON, so tests read fields by the names clients see.</summary>
internal sealed class KpisBody(JsonDocument document) : IDisposable
{
    public JsonElement Root => document.RootElement;

    public JsonElement District(string id) =>
        Root.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("id").GetString() == id);

    public void Dispose() => document.Dispose();
}
