using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace SmartCity.Twin.Api.Tests.Security;

/// <summary>
/// A silo with one principal per role and per scope, created once: operators sign in (cookie or bearer token),
/// keys are created by the admin. <see cref="CreateClientAs"/> gives a client that authenticates as one of them.
/// </summary>
public sealed class AccessMatrixFactory : TwinApiFactory
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Func<HttpClient>>>> _principals = new();

    public async Task<HttpClient> CreateClientAs(string principal)
    {
        var create = await _principals.GetOrAdd(principal, p => new Lazy<Task<Func<HttpClient>>>(() => SetUpAsync(p))).Value;
        return create();
    }

    private async Task<Func<HttpClient>> SetUpAsync(string principal)
    {
        var (kind, what) = (principal.Split(' ')[0], principal.Split(' ').ElementAtOrDefault(1));
        switch (kind)
        {
            case "anonymous":
                return CreateClient;
            case "key":
                var key = await AccessAdmin.CreateKeyAsync(this, AccessAdmin.UniqueName("matrix"), [what!]);
                return () => AccessAdmin.KeyClient(this, key);
            default:
                // "viewer token", "operator cookie", ...
                var username = AccessAdmin.UniqueName(kind);
                await AccessAdmin.CreateUserAsync(this, username, kind);
                if (what == "cookie")
                {
                    // Signed in once; each client then sends that session cookie, as the dashboard's browser would.
                    var cookie = await AccessAdmin.LoginForCookieAsync(this, username);
                    return () =>
                    {
                        var browser = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
                        browser.DefaultRequestHeaders.Add("Cookie", cookie);
                        return browser;
                    };
                }

                using (var login = CreateClient())
                {
                    var token = await AccessAdmin.LoginAsync(login, username);
                    return () =>
                    {
                        var tool = CreateClient();
                        tool.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        return tool;
                    };
                }
        }
    }
}
