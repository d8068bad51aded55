using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Gateways.Devices.Topics;

/// <summary>
/// A topic of the twin's scheme, <c>city/v1/{kind}/{deviceId}/{channel}[/{name}]</c>. Device ids, not districts, are in
/// the path: administrative boundaries change (Vietnam redrew them in 2025), device ids don't.
/// </summary>
/// <param name="Name">The command or reply name for <see cref="DeviceChannel.Command"/> and <see cref="DeviceChannel.Reply"/>.</param>
internal readonly record struct DeviceTopic(DeviceKind Kind, string DeviceId, DeviceChannel Channel, string? Name = null)
{
    public const string Root = "city";
    public const string Version = "v1";

    public static string Prefix(DeviceKind kind, string deviceId) => $"{Root}/{Version}/{kind.ToName()}/{deviceId}/";

    public static string Format(DeviceKind kind, string deviceId, DeviceChannel channel, string? name = null)
    {
        var prefix = Prefix(kind, deviceId);
        var leaf = ChannelName(channel);
        return name is null ? prefix + leaf : $"{prefix}{leaf}/{name}";
    }

    public static bool TryParse(string topic, out DeviceTopic parsed)
    {
        parsed = default;
        var span = topic.AsSpan();
        Span<Range> levels = stackalloc Range[7];
        var count = span.Split(levels, '/');
        if (count is < 5 or > 6 || !span[levels[0]].SequenceEqual(Root) || !span[levels[1]].SequenceEqual(Version))
        {
            return false;
        }

        if (!DeviceKindNames.TryParse(span[levels[2]], out var kind) || span[levels[3]].IsEmpty)
        {
            return false;
        }

        var channelName = span[levels[4]];
        DeviceChannel channel;
        switch (channelName)
        {
            case "telemetry": channel = DeviceChannel.Telemetry; break;
            case "events": channel = DeviceChannel.Events; break;
            case "state": channel = DeviceChannel.State; break;
            case "status": channel = DeviceChannel.Status; break;
            case "cmd": channel = DeviceChannel.Command; break;
            case "reply": channel = DeviceChannel.Reply; break;
            default: return false;
        }

        var named = channel is DeviceChannel.Command or DeviceChannel.Reply;
        if (named != (count == 6) || (named && span[levels[5]].IsEmpty))
        {
            return false;
        }

        parsed = new DeviceTopic(kind, span[levels[3]].ToString(), channel, named ? span[levels[5]].ToString() : null);
        return true;
    }

    private static string ChannelName(DeviceChannel channel) => channel switch
    {
        DeviceChannel.Telemetry => "telemetry",
        DeviceChannel.Events => "events",
        DeviceChannel.State => "state",
        DeviceChannel.Status => "status",
        DeviceChannel.Command => "cmd",
        DeviceChannel.Reply => "reply",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };
}
