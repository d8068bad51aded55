using System.Text.Json;
using System.Text.Json.Serialization;
using SmartCity.Twin.Silo.Health;

namespace SmartCity.Twin.Silo;

/// <summary>Source-generated JSON for the silo's own response types.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthResponse))]
internal sealed partial class SiloJsonContext : JsonSerializerContext;
