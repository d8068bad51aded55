using System.Collections.Concurrent;

namespace SmartCity.Twin.Runtime.Tests.Grains;

/// <summary>Named gates a test opens to let waiting grain calls finish.</summary>
public sealed class TurnGates
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> gates = new();

    public ConcurrentQueue<string> Entered { get; } = new();

    public Task WaitAsync(string name) => gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Open(string name) => gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
