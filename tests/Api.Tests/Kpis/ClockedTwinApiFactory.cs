using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Api.Tests.History;

namespace SmartCity.Twin.Api.Tests.Kpis;

/// <summary>
/// The silo on a <see cref="ManualClock"/>: it stands at <see cref="Start"/> (a Monday, 08:00 in Vietnam) until a test
/// moves it, so KPI samples are taken only when a test takes them, at the times it chooses.
/// </summary>
public sealed class ClockedTwinApiFactory : TwinApiFactory
{
    /// <summary>Monday 2026-11-16, 08:00 Asia/Ho_Chi_Minh.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 16, 8, 0, 0, TimeSpan.FromHours(7));

    public ManualClock Clock { get; } = new(Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    private bool stopped;

    protected override void Dispose(bool disposing)
    {
        // WebApplicationFactory calls this again from inside base.Dispose, once the services are gone.
        if (disposing && !stopped)
        {
            stopped = true;
            SiloShutdown.StopOnceAsync(Services).GetAwaiter().GetResult();
        }

        SiloShutdown.DisposeAfterStop(() => base.Dispose(disposing));
    }
}
