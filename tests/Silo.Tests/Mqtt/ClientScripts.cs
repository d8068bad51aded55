namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>
/// Where the client scripts are: copied next to the tests (<c>Mqtt/clients</c>); mqtt.js itself stays in the source
/// tree's <c>tests/Silo.Tests/Mqtt/clients/node/node_modules</c>, installed by <c>scripts/mqtt-clients.sh</c>.
/// </summary>
internal static class ClientScripts
{
    /// <summary>Debian's interpreter: python3-paho-mqtt is installed for it, not for a pyenv python3 on PATH.</summary>
    public const string Python = "/usr/bin/python3";

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Mqtt", "clients");

    public static string PahoDevice { get; } = Path.Combine(Folder, "paho_device.py");

    public static string MqttJsDevice { get; } = Path.Combine(Folder, "node", "device.js");

    /// <summary>NODE_PATH for the mqtt.js scripts: the installed node_modules, searched from the test output upwards.</summary>
    public static IReadOnlyDictionary<string, string> NodeEnvironment()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[]
            {
                Path.Combine(directory.FullName, "Mqtt", "clients", "node", "node_modules"),
                Path.Combine(directory.FullName, "tests", "Silo.Tests", "Mqtt", "clients", "node", "node_modules"),
            })
            {
                if (Directory.Exists(Path.Combine(candidate, "mqtt")))
                {
                    return new Dictionary<string, string> { ["NODE_PATH"] = candidate };
                }
            }
        }

        throw new InvalidOperationException($"mqtt.js is not installed (no node_modules/mqtt above {AppContext.BaseDirectory}). {ClientProcess.InstallHint}");
    }
}
