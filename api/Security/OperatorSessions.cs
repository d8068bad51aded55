using System.Collections.Concurrent;

namespace SmartCity.Twin.Api.Security;

/// <summary>
/// Sign-ins ended by logout. A bearer token cannot be taken back from the tool holding it, so its session id is
/// remembered until the token would have expired anyway. Kept in memory: a restart forgets it (documented).
/// </summary>
internal sealed class OperatorSessions(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);

    public static string NewId() => Guid.NewGuid().ToString("N");

    public bool HasEnded(string sessionId) => _ended.ContainsKey(sessionId);

    public void End(string sessionId, TimeSpan remember)
    {
        var now = clock.GetUtcNow();
        _ended[sessionId] = now + remember;
        foreach (var (id, until) in _ended)
        {
            if (until < now)
            {
                _ended.TryRemove(id, out _);
            }
        }
    }
}
