using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SmartCity.Twin.Api.Security;

/// <summary>
/// Per-principal token buckets on <c>/api</c> and <c>/hubs</c>: an API key gets its own limit or
/// <c>Auth:RateLimit:PermitsPerMinute</c>, an operator the default, an anonymous client the default per remote IP
/// (which also slows password guessing), a device posting to its ingestion endpoint the default per path. The admin
/// key is exempt: it is the operator's own root credential, used for provisioning in bulk and for benchmarks, and it
/// is not handed to third parties. An endpoint may opt out with <c>DisableRateLimiting()</c>.
/// </summary>
internal static class ApiRateLimiting
{
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
        => services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            options.OnRejected = OnRejectedAsync;
        });

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/hubs"))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var permitsPerMinute = context.RequestServices.GetRequiredService<IOptions<AuthSettings>>().Value.RateLimit.PermitsPerMinute;
        var user = context.User;
        if (user.Identity is { IsAuthenticated: true, Name: { } name })
        {
            if (name == ApiKeyPrincipal.AdminKeyName)
            {
                return RateLimitPartition.GetNoLimiter(name);
            }

            if (int.TryParse(user.FindFirst(ApiKeyPrincipal.RateLimitClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var own))
            {
                permitsPerMinute = own;
            }

            // The limit is part of the partition: a key created again with another limit gets a fresh bucket.
            return Bucket($"{name}|{permitsPerMinute}", permitsPerMinute);
        }

        // Endpoints open by design outside sign-in (device ingestion, with the device's own credential) are limited
        // per path, i.e. per device: a gateway relaying hundreds of devices from one address is not throttled as one.
        if (context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null && !path.StartsWithSegments("/api/v1/auth"))
        {
            return Bucket($"path:{path}|{permitsPerMinute}", permitsPerMinute);
        }

        return Bucket($"ip:{context.Connection.RemoteIpAddress}|{permitsPerMinute}", permitsPerMinute);
    }

    /// <summary>Refilled a little every second or so rather than all at once each minute, so a client that waits Retry-After gets in.</summary>
    private static RateLimitPartition<string> Bucket(string key, int permitsPerMinute)
        => RateLimitPartition.GetTokenBucketLimiter(key, _ =>
        {
            var perPeriod = Math.Max(1, (permitsPerMinute + 59) / 60);
            return new TokenBucketRateLimiterOptions
            {
                TokenLimit = permitsPerMinute,
                TokensPerPeriod = perPeriod,
                ReplenishmentPeriod = TimeSpan.FromTicks(TimeSpan.TicksPerMinute * perPeriod / permitsPerMinute),
                QueueLimit = 0,
                AutoReplenishment = true,
            };
        });

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblem.WriteAsync(
            http,
            StatusCodes.Status429TooManyRequests,
            "Too many requests",
            $"{ApiActor.Of(http.User)} has used its requests for now; retry after {seconds} s. Ask an admin for a key with a higher rateLimitPerMinute if you need more.");
    }

    public static WebApplication UseApiRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }
}
