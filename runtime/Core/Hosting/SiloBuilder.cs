using Microsoft.Extensions.DependencyInjection;

namespace SmartCity.Twin.Runtime.Hosting;

internal sealed class SiloBuilder(IServiceCollection services) : ISiloBuilder
{
    public IServiceCollection Services { get; } = services;
}
