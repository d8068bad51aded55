namespace SmartCity.Twin.Silo.Tests;

/// <summary>Adds the silo's admin key to requests that carry no key of their own.</summary>
internal sealed class AdminKeyHandler(Func<string?> adminKey) : DelegatingHandler(new HttpClientHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains("X-Api-Key") && adminKey() is { } key)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
