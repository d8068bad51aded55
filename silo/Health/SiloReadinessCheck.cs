using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartCity.Twin.Silo.Health;

/// <summary>Unhealthy (503) until <see cref="SiloReadiness.IsReady"/>.</summary>
internal sealed class SiloReadinessCheck(SiloReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy(readiness.Describe())
            : HealthCheckResult.Unhealthy(readiness.Describe()));
}
