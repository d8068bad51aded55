using System.Collections.Concurrent;

namespace SmartCity.Twin.Runtime.Tests.Grains;

/// <summary>What test grains saw happen to them, shared through DI so tests can assert on it.</summary>
public sealed class ActivationJournal
{
    public ConcurrentQueue<string> Events { get; } = new();

    public int Count(string entry) => Events.Count(e => e == entry);
}
