using System.Net;
using System.Text;

namespace SmartCity.Twin.Api.Tests.Security;

/// <summary>
/// Every role (signed in by cookie and by bearer token) and every key scope against representative endpoints of each
/// group: allowed means the endpoint's own answer (200, 201, or 404 for an unknown twin or alert), denied means 403
/// problem+json; anonymous is 401 problem+json everywhere.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixFactory factory) : IClassFixture<AccessMatrixFactory>
{
    private const string ReadTwins = "read:twins";
    private const string ReadAlerts = "read:alerts";
    private const string WriteCommands = "write:commands";
    private const string WriteTelemetry = "write:telemetry";
    private const string Admin = "admin";
    private const string HandleAlerts = "handle:alerts";

    /// <summary>What each principal may do; <c>admin</c> implies everything.</summary>
    private static readonly Dictionary<string, string[]> Grants = new()
    {
        ["viewer cookie"] = [ReadTwins, ReadAlerts],
        ["viewer token"] = [ReadTwins, ReadAlerts],
        ["operator cookie"] = [ReadTwins, ReadAlerts, WriteCommands, HandleAlerts],
        ["operator token"] = [ReadTwins, ReadAlerts, WriteCommands, HandleAlerts],
        ["admin cookie"] = [ReadTwins, ReadAlerts, WriteCommands, WriteTelemetry, HandleAlerts, Admin],
        ["admin token"] = [ReadTwins, ReadAlerts, WriteCommands, WriteTelemetry, HandleAlerts, Admin],
        ["key read:twins"] = [ReadTwins],
        ["key read:alerts"] = [ReadAlerts],
        ["key write:commands"] = [WriteCommands],
        ["key write:telemetry"] = [WriteTelemetry],
        ["key admin"] = [ReadTwins, ReadAlerts, WriteCommands, WriteTelemetry, HandleAlerts, Admin],
        ["anonymous"] = [],
    };

    /// <summary>Representative endpoints of every group: what they need, the request, and what an allowed caller gets.</summary>
    private static readonly (string Needs, string Method, string Path, string? Body, HttpStatusCode Allowed)[] Endpoints =
    [
        (ReadTwins, "GET", "/api/v1/twins?limit=5", null, HttpStatusCode.OK),
        (ReadTwins, "GET", "/api/v1/twins/matrix-unknown-twin", null, HttpStatusCode.NotFound),
        (ReadTwins, "GET", "/api/v1/twins.geojson?limit=5", null, HttpStatusCode.OK),
        (ReadTwins, "GET", "/api/v1/districts", null, HttpStatusCode.OK),
        (ReadTwins, "GET", "/api/v1/twins/matrix-unknown-twin/history?metric=pm2_5", null, HttpStatusCode.NotFound),
        (ReadTwins, "GET", "/api/v1/kpis", null, HttpStatusCode.OK),
        (Admin, "PUT", "/api/v1/twins/{unique}", """{"kind":"environment-sensor","name":"Matrix sensor","location":{"lon":106.34,"lat":20.45}}""", HttpStatusCode.Created),
        (Admin, "DELETE", "/api/v1/twins/matrix-unknown-twin", null, HttpStatusCode.NotFound),
        (Admin, "POST", "/api/v1/twins/matrix-unknown-twin/credentials", null, HttpStatusCode.NotFound),
        (WriteCommands, "POST", "/api/v1/twins/matrix-unknown-twin/commands", """{"name":"reboot"}""", HttpStatusCode.NotFound),
        (WriteCommands, "PUT", "/api/v1/twins/matrix-unknown-twin/desired", """{"interval_s":"60"}""", HttpStatusCode.NotFound),
        (WriteTelemetry, "POST", "/api/v1/twins/matrix-unknown-twin/telemetry", """{"pm2_5": 12}""", HttpStatusCode.NotFound),
        (ReadAlerts, "GET", "/api/v1/alerts", null, HttpStatusCode.OK),
        (ReadAlerts, "GET", "/api/v1/incidents", null, HttpStatusCode.OK),
        (HandleAlerts, "POST", "/api/v1/alerts/matrix-unknown-alert/acknowledge", """{"note":"on my way"}""", HttpStatusCode.NotFound),
        (HandleAlerts, "POST", "/api/v1/alerts/matrix-unknown-alert/comments", """{"text":"checked"}""", HttpStatusCode.NotFound),
        (Admin, "GET", "/api/v1/gateways/mqtt", null, HttpStatusCode.OK),
        (Admin, "GET", "/api/v1/auth/keys", null, HttpStatusCode.OK),
        (Admin, "GET", "/api/v1/auth/users", null, HttpStatusCode.OK),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var principal in Grants.Keys)
        {
            foreach (var (_, method, path, _, _) in Endpoints)
            {
                data.Add(principal, method, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_principal_is_allowed_exactly_what_its_role_or_scopes_grant(string principal, string method, string path)
    {
        var endpoint = Endpoints.Single(e => e.Method == method && e.Path == path);
        using var client = await factory.CreateClientAs(principal);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{unique}", AccessAdmin.UniqueName("matrix-twin"), StringComparison.Ordinal));
        if (endpoint.Body is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        if (principal == "anonymous")
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        else if (Grants[principal].Contains(endpoint.Needs))
        {
            Assert.True(
                response.StatusCode == endpoint.Allowed,
                $"{principal} should get {(int)endpoint.Allowed} from {method} {path}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
