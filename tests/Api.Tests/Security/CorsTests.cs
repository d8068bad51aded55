using System.Net;

namespace SmartCity.Twin.Api.Tests.Security;

/// <summary>A silo that lets one dashboard origin call it from the browser.</summary>
public sealed class DashboardOriginFactory : TwinApiFactory
{
    public const string AllowedOrigin = "https://dashboard.example.vn";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Cors:AllowedOrigins:0"] = AllowedOrigin,
    };
}

public sealed class CorsTests(DashboardOriginFactory factory) : IClassFixture<DashboardOriginFactory>
{
    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_allowed_with_credentials()
    {
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Preflight(DashboardOriginFactory.AllowedOrigin));

        Assert.True(response.IsSuccessStatusCode, $"preflight answered {(int)response.StatusCode}");
        Assert.Equal(DashboardOriginFactory.AllowedOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Credentials")));
        Assert.Contains("X-Api-Key", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_preflight_from_another_origin_gets_no_cors_headers()
    {
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Preflight("https://evil.example.com"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task An_actual_request_from_the_allowed_origin_carries_the_cors_headers()
    {
        using var client = factory.CreateAdminClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Add("Origin", DashboardOriginFactory.AllowedOrigin);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DashboardOriginFactory.AllowedOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/twins");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "x-api-key");
        return request;
    }
}

public sealed class NoCorsTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Fact]
    public async Task Without_configured_origins_no_origin_is_allowed()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/twins");
        request.Headers.Add("Origin", DashboardOriginFactory.AllowedOrigin);
        request.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
