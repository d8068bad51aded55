using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Runtime.Hosting;

namespace SmartCity.Twin.Runtime.Storage.Tests.Support;

public sealed class TestSiloBuilder : ISiloBuilder
{
    public IServiceCollection Services { get; } = new ServiceCollection();
}
