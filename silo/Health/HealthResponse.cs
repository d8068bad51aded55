namespace SmartCity.Twin.Silo.Health;

/// <summary>The body of <c>/healthz</c>.</summary>
internal sealed record HealthResponse(string Status, string? Detail);
