using Microsoft.Extensions.DependencyInjection;

namespace SmartCity.Twin.Runtime.Hosting;

/// <summary>Configures the grain runtime: storage providers, reminder table, options. Extensions hang off this, as in Orleans.</summary>
public interface ISiloBuilder
{
    IServiceCollection Services { get; }
}
