using System.Net;
using System.Text;
using System.Text.Json;
using SmartCity.Twin.Gateways.Mqtt.Client;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Api.Tests.Twins;

/// <summary>Reading one twin, and deleting one: it is gone from every read and its device can no longer connect.</summary>
public sealed class TwinLifecycleTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Fact]
    public async Task An_unknown_twin_is_a_404_problem()
    {
        using var admin = factory.CreateAdminClient();

        using var response = await admin.GetAsync("/api/v1/twins/" + TwinApi.NewId("nobody"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Deleting_an_unknown_twin_is_a_404_problem()
    {
        using var admin = factory.CreateAdminClient();

        using var response = await admin.DeleteAsync("/api/v1/twins/" + TwinApi.NewId("nobody"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_provisioned_twin_is_listed_and_read_by_id()
    {
        using var admin = factory.CreateAdminClient();
        var id = TwinApi.NewId("read");
        var at = factory.Map().Districts[0].InteriorPoint;
        await TwinApi.ProvisionAsync(admin, id, "service-counter", at, name: "Quầy một cửa số 1");

        using var response = await admin.GetAsync("/api/v1/twins/" + id);
        var listed = await TwinApi.ListAllAsync(admin, "?kind=service-counter");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var twin = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Quầy một cửa số 1", twin.RootElement.GetProperty("name").GetString());
        var summary = Assert.Single(listed, t => t.GetProperty("id").GetString() == id);
        Assert.Equal("service-counter", summary.GetProperty("kind").GetString());
        Assert.Equal(factory.Map().Districts[0].Id, summary.GetProperty("districtId").GetString());
        Assert.Equal(
            ["latitude", "longitude"],
            twin.RootElement.GetProperty("location").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(at.Longitude, summary.GetProperty("location").GetProperty("longitude").GetDouble());
    }

    [Fact]
    public async Task A_deleted_twin_is_gone_from_reads_and_lists_and_its_device_can_no_longer_connect()
    {
        using var admin = factory.CreateAdminClient();
        var id = TwinApi.NewId("delete");
        var password = await TwinApi.ProvisionAsync(admin, id, "environment-sensor", factory.Map().Districts[0].InteriorPoint);
        Assert.NotNull(password);
        await using (var before = await ConnectAsync(id, password))
        {
            // The credentials work before the delete, so a refusal afterwards is the delete's doing.
        }

        using var delete = await admin.DeleteAsync("/api/v1/twins/" + id);

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var get = await admin.GetAsync("/api/v1/twins/" + id);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.DoesNotContain(id, await TwinApi.ListIdsAsync(admin, "?kind=environment-sensor&limit=1000"));
        using var map = await admin.GetAsync("/api/v1/twins.geojson?kind=environment-sensor");
        Assert.DoesNotContain(id, await map.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<MqttConnectException>(() => ConnectAsync(id, password));
        Assert.Equal(MqttReasonCode.NotAuthorized, refused.ReasonCode);
        using var again = await admin.DeleteAsync("/api/v1/twins/" + id);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_deleted_id_can_be_provisioned_again_even_as_another_kind_with_new_credentials()
    {
        using var admin = factory.CreateAdminClient();
        var id = TwinApi.NewId("reuse");
        var at = factory.Map().Districts[0].InteriorPoint;
        var first = await TwinApi.ProvisionAsync(admin, id, "camera", at);
        using (var delete = await admin.DeleteAsync("/api/v1/twins/" + id))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var second = await TwinApi.ProvisionAsync(admin, id, "fire-alarm", at);

        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        var listed = await TwinApi.ListAllAsync(admin, "?kind=fire-alarm");
        Assert.Single(listed, t => t.GetProperty("id").GetString() == id);
        Assert.DoesNotContain(id, await TwinApi.ListIdsAsync(admin, "?kind=camera"));
    }

    [Fact]
    public async Task Deleting_needs_the_admin_scope()
    {
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.DeleteAsync("/api/v1/twins/" + TwinApi.NewId("anyone"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<MqttClientConnection> ConnectAsync(string id, string password) => MqttClientConnection.ConnectAsync(
        new MqttClientOptions
        {
            Host = "127.0.0.1",
            Port = factory.MqttPort,
            ClientId = "twin-spec-" + Guid.NewGuid().ToString("N"),
            Username = id,
            Password = Encoding.UTF8.GetBytes(password),
            Version = MqttProtocolVersion.V500,
        },
        static (_, _) => ValueTask.CompletedTask,
        CancellationToken.None);
}
