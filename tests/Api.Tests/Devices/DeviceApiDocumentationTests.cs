using System.Net;
using System.Text.Json;

namespace SmartCity.Twin.Api.Tests.Devices;

/// <summary>Third parties find the device endpoints, their bodies and their failures in the OpenAPI document.</summary>
public sealed class DeviceApiDocumentationTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Theory]
    [InlineData("/api/v1/twins/{id}/desired", "get", "200")]
    [InlineData("/api/v1/twins/{id}/desired", "put", "400")]
    [InlineData("/api/v1/twins/{id}/desired", "put", "413")]
    [InlineData("/api/v1/twins/{id}/commands", "post", "504")]
    [InlineData("/api/v1/twins/{id}/commands", "post", "409")]
    [InlineData("/api/v1/twins/{id}/telemetry", "post", "202")]
    [InlineData("/api/v1/twins/{id}/telemetry", "post", "403")]
    [InlineData("/api/v1/twins/{id}/events", "post", "202")]
    [InlineData("/api/v1/twins/{id}/state", "post", "413")]
    [InlineData("/api/v1/gateways/mqtt", "get", "200")]
    public async Task Each_device_endpoint_is_described_with_its_responses(string path, string method, string status)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), $"{method} {path} does not document {status}");
        Assert.True(operation.TryGetProperty("summary", out _), $"{method} {path} has no summary");
    }
}
