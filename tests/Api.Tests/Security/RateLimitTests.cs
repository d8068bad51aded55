using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SmartCity.Twin.Api.Tests.Security;

/// <summary>A silo whose default limit is small enough to reach in a test.</summary>
public sealed class LowRateLimitFactory : TwinApiFactory
{
    public const int DefaultPermitsPerMinute = 5;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Auth:RateLimit:PermitsPerMinute"] = DefaultPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class RateLimitTests(LowRateLimitFactory factory) : IClassFixture<LowRateLimitFactory>
{
    [Fact]
    public async Task Anonymous_sign_in_attempts_are_limited_per_address()
    {
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= LowRateLimitFactory.DefaultPermitsPerMinute; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "guess", password = $"guess {i}" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.Unauthorized, s));
    }

    [Fact]
    public async Task Device_ingestion_is_limited_per_device_not_per_gateway_address()
    {
        using var gateway = factory.CreateClient();
        var first = $"/api/v1/twins/{AccessAdmin.UniqueName("dev-a")}/telemetry";
        var second = $"/api/v1/twins/{AccessAdmin.UniqueName("dev-b")}/telemetry";

        for (var i = 0; i < LowRateLimitFactory.DefaultPermitsPerMinute; i++)
        {
            (await gateway.PostAsJsonAsync(first, new { values = new { pm2_5 = 12.5 } })).Dispose();
        }

        using var firstOver = await gateway.PostAsJsonAsync(first, new { values = new { pm2_5 = 12.5 } });
        using var secondDevice = await gateway.PostAsJsonAsync(second, new { values = new { pm2_5 = 12.5 } });
        Assert.Equal(HttpStatusCode.TooManyRequests, firstOver.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, secondDevice.StatusCode);
    }

    [Fact]
    public async Task A_key_over_its_own_limit_gets_429_problem_with_retry_after()
    {
        var key = await AccessAdmin.CreateKeyAsync(factory, AccessAdmin.UniqueName("busy"), ["read:twins"], rateLimitPerMinute: 3);
        using var client = AccessAdmin.KeyClient(factory, key);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await client.GetAsync("/api/v1/auth/me");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using (refused)
        {
            Assert.Equal("application/problem+json", refused!.Content.Headers.ContentType?.MediaType);
            var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 60);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task Keys_without_their_own_limit_get_the_default_and_do_not_share_a_bucket()
    {
        var first = await AccessAdmin.CreateKeyAsync(factory, AccessAdmin.UniqueName("first"), ["read:twins"]);
        var second = await AccessAdmin.CreateKeyAsync(factory, AccessAdmin.UniqueName("second"), ["read:twins"]);
        using var a = AccessAdmin.KeyClient(factory, first);
        using var b = AccessAdmin.KeyClient(factory, second);

        for (var i = 0; i < LowRateLimitFactory.DefaultPermitsPerMinute; i++)
        {
            (await a.GetAsync("/api/v1/auth/me")).Dispose();
        }

        using var overLimit = await a.GetAsync("/api/v1/auth/me");
        using var otherKey = await b.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.TooManyRequests, overLimit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
    }

    [Fact]
    public async Task The_admin_key_is_exempt()
    {
        using var admin = factory.CreateAdminClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < LowRateLimitFactory.DefaultPermitsPerMinute * 3; i++)
        {
            using var response = await admin.GetAsync("/api/v1/auth/me");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Health_is_not_rate_limited()
    {
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < LowRateLimitFactory.DefaultPermitsPerMinute * 3; i++)
        {
            using var response = await client.GetAsync("/healthz");
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
    }
}
