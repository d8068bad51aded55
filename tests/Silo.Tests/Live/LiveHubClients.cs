using SmartCity.Twin.Silo.Tests.Mqtt;

namespace SmartCity.Twin.Silo.Tests.Live;

/// <summary>
/// The Node scripts of the live hub tests and their packages (@microsoft/signalr, mqtt.js), in the source tree's
/// <c>tests/Silo.Tests/Live/clients/node</c>; <c>scripts/mqtt-clients.sh</c> installs them from the committed lock file.
/// </summary>
internal static class LiveHubClients
{
    public static string Folder { get; } = FindFolder();

    public static string Script => Path.Combine(Folder, "live_hub.js");

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Silo.Tests", "Live", "clients", "node");
            if (File.Exists(Path.Combine(candidate, "live_hub.js")))
            {
                if (!Directory.Exists(Path.Combine(candidate, "node_modules", "@microsoft", "signalr")))
                {
                    throw new InvalidOperationException($"@microsoft/signalr is not installed in {candidate}. {ClientProcess.InstallHint}");
                }

                return candidate;
            }
        }

        throw new InvalidOperationException($"tests/Silo.Tests/Live/clients/node/live_hub.js not found above {AppContext.BaseDirectory}.");
    }
}
