namespace SmartCity.Twin.Runtime.Storage.Tests.Support;

/// <summary>The provider instances a test opened on its store, disposed together when the test ends.</summary>
public sealed class ProviderInstances : IAsyncDisposable
{
    private readonly List<object> _created = [];

    public T Track<T>(T provider)
        where T : class
    {
        _created.Add(provider);
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _created)
        {
            switch (provider)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
