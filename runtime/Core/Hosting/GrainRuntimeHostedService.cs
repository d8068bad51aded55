using Microsoft.Extensions.Hosting;

namespace SmartCity.Twin.Runtime.Hosting;

/// <summary>Starts the runtime with the host and, when the host stops (Ctrl+C), deactivates every grain so they persist.</summary>
internal sealed class GrainRuntimeHostedService(GrainRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
