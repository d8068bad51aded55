using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SmartCity.Twin.Api.Tests;

/// <summary>
/// The whole silo in memory (WebApplicationFactory): in-memory storage, no demo province, a known admin key, the
/// MQTT endpoint on a free port. Each instance is its own silo; share one per test class with <c>IClassFixture</c>
/// and give each test its own twin ids. Subclass and override <see cref="Settings"/> for other settings.
/// </summary>
public class TwinApiFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789";

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "twin-api-tests-" + Guid.NewGuid().ToString("N"));

    public TwinApiFactory()
    {
        MqttPort = FreePort();
    }

    /// <summary>The silo's MQTT endpoint, for tests that drive it with a real MQTT client.</summary>
    public int MqttPort { get; }

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "memory",
        ["Storage:Path"] = dataPath,
        ["Demo:Enabled"] = "false",
        ["Auth:AdminKey"] = AdminKey,
        ["Mqtt:Port"] = MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mqtt:TlsPort"] = "-1",
    };

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
