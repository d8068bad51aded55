namespace SmartCity.Twin.Runtime.Tests.Grains;

[GrainType("ping-pong")]
public sealed class PingPongGrain : Grain, IPingPongGrain
{
    public async Task<string> Relay(string[] path, int index)
    {
        if (index >= path.Length)
        {
            return GetPrimaryKeyString();
        }

        var next = GrainFactory.GetGrain<IPingPongGrain>(path[index]);
        return GetPrimaryKeyString() + ">" + await next.Relay(path, index + 1);
    }

    public Task Hang() => new TaskCompletionSource().Task;

    public Task CallThroughReentrant(string relayKey, string gate)
        => GrainFactory.GetGrain<IReentrantRelayGrain>(relayKey).CallBackAfter(gate, GetPrimaryKeyString());

    public Task Fail(string message) => throw new InvalidOperationException(message);
}
