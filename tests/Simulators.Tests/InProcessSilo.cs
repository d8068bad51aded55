using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SmartCity.Twin.Simulators.Tests;

/// <summary>
/// The whole silo in this process on real sockets (Kestrel on a free HTTP port, the MQTT endpoint on another), so the
/// simulators reach it exactly as they reach a deployed one: <c>--api</c> <see cref="ApiUrl"/>, <c>--mqtt</c>
/// <see cref="MqttAddress"/>, <c>--api-key</c> <see cref="AdminKey"/>. In-memory storage, no demo province. Share one per
/// test class (<c>IClassFixture</c>) and give each test its own twin ids, or use a fresh instance per test.
/// </summary>
public sealed class InProcessSilo : WebApplicationFactory<Program>
{
    public const string AdminKey = "simulator-tests-admin-key-0123456789";

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "twin-simulator-tests-" + Guid.NewGuid().ToString("N"));
    private readonly int httpPort = FreePort();

    public InProcessSilo()
    {
        MqttPort = FreePort();
        UseKestrel(httpPort);
        StartServer();
    }

    public int MqttPort { get; }

    /// <summary>For <c>--api</c>.</summary>
    public string ApiUrl => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}");

    /// <summary>For <c>--mqtt</c>.</summary>
    public string MqttAddress => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{MqttPort}");

    /// <summary>A client of <see cref="ApiUrl"/> that sends the admin key.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(ApiUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "memory",
            ["Storage:Path"] = dataPath,
            ["Demo:Enabled"] = "false",
            ["Auth:AdminKey"] = AdminKey,
            ["Mqtt:Port"] = MqttPort.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:TlsPort"] = "-1",
        };
        foreach (var (key, value) in settings)
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

    /// <summary>
    /// A free port below Linux's ephemeral range (32768–60999): a port the kernel handed out as ephemeral can be taken by
    /// any outgoing connection of the parallel tests between this check and the silo's bind, which CI saw once.
    /// </summary>
    private static int FreePort()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var candidate = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, candidate);
                probe.Start();
                return candidate;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
