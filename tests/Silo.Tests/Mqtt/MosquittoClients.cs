using System.Globalization;

namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>Eclipse Mosquitto's command-line clients, <c>mosquitto_pub</c> and <c>mosquitto_sub</c> (Debian mosquitto-clients).</summary>
internal static class MosquittoClients
{
    public const string MqttV311 = "mqttv311";

    public const string MqttV5 = "mqttv5";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// One <c>mosquitto_pub</c> run. <paramref name="password"/> <c>null</c> sends no password at all (ThingsBoard
    /// access tokens). Returns its exit code and output: 0 once the message went out (and for QoS 1/2 was acknowledged).
    /// </summary>
    public static Task<ClientProcessResult> PublishAsync(
        int port,
        string protocolVersion,
        string username,
        string? password,
        string topic,
        string message,
        int qos = 1,
        bool retain = false)
    {
        var arguments = new List<string>
        {
            "-h", "127.0.0.1",
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-V", protocolVersion,
            "-i", $"mosquitto-pub-{Guid.NewGuid():N}"[..23],
            "-u", username,
            "-q", qos.ToString(CultureInfo.InvariantCulture),
            "-t", topic,
            "-m", message,
        };
        if (password is not null)
        {
            arguments.AddRange(["-P", password]);
        }

        if (retain)
        {
            arguments.Add("-r");
        }

        return ClientProcess.RunAsync("mosquitto_pub", arguments, RunTimeout);
    }

    /// <summary>
    /// Starts <c>mosquitto_sub -v -d</c> on <paramref name="topicFilter"/> (QoS 1) and returns once its subscription is
    /// acknowledged; its output lines are <c>topic payload</c> for messages (and debug lines).
    /// </summary>
    public static async Task<ClientProcess> StartSubscriberAsync(
        int port, string protocolVersion, string username, string password, string topicFilter)
    {
        // mosquitto_sub does not flush its debug lines into a pipe; stdbuf makes its stdout line-buffered.
        var subscriber = ClientProcess.Start("stdbuf",
        [
            "-oL",
            "mosquitto_sub",
            "-h", "127.0.0.1",
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-V", protocolVersion,
            "-i", $"mosquitto-sub-{Guid.NewGuid():N}"[..23],
            "-u", username,
            "-P", password,
            "-q", "1",
            "-t", topicFilter,
            "-v",
            "-d",
        ]);
        try
        {
            await subscriber.WaitForLineAsync(line => line.Contains("received SUBACK", StringComparison.Ordinal), RunTimeout);
            return subscriber;
        }
        catch
        {
            await subscriber.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <c>mosquitto_sub -v</c> on <paramref name="topicFilter"/> until it prints <paramref name="expectedLine"/>
    /// (<c>topic payload</c>), then stops it. Fails with everything it printed if the line does not come in time.
    /// </summary>
    public static async Task<string> SubscribeUntilAsync(
        int port,
        string protocolVersion,
        string username,
        string password,
        string topicFilter,
        string expectedLine,
        TimeSpan timeout)
    {
        await using var subscriber = ClientProcess.Start("mosquitto_sub",
        [
            "-h", "127.0.0.1",
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-V", protocolVersion,
            "-i", $"mosquitto-sub-{Guid.NewGuid():N}"[..23],
            "-u", username,
            "-P", password,
            "-q", "1",
            "-t", topicFilter,
            "-v",
        ]);
        return await subscriber.WaitForLineAsync(line => line == expectedLine, timeout);
    }
}
