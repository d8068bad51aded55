using System.Net;
using System.Text.Json;

namespace SmartCity.Twin.Api.Tests.Twins;

/// <summary>A list or map query a client got wrong is a 400 problem that names the parameter, never a 500 or an empty list.</summary>
public sealed class TwinQueryValidationTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Theory]
    [InlineData("kind=drone", "kind")]
    [InlineData("kind=Camera", "kind")]
    [InlineData("kind=camera&kind=fire-alarm", "kind")]
    [InlineData("district=atlantis", "district")]
    [InlineData("district=", "district")]
    [InlineData("status=sleeping", "status")]
    [InlineData("metric=pm2_5", "metric")]
    [InlineData("metric=pm2_5:gt", "metric")]
    [InlineData("metric=pm2_5:between:5", "metric")]
    [InlineData("metric=pm2_5:gt:lots", "metric")]
    [InlineData("metric=pm2_5:gt:NaN", "metric")]
    [InlineData("metric=:gt:5", "metric")]
    [InlineData("metric=pm2_5:gt:50&metric=temperature", "metric")]
    [InlineData("bbox=106,20,107", "bbox")]
    [InlineData("bbox=106,20,107,21,5", "bbox")]
    [InlineData("bbox=107,20,106,21", "bbox")]
    [InlineData("bbox=106,21,107,20", "bbox")]
    [InlineData("bbox=106,20,181,21", "bbox")]
    [InlineData("bbox=106,-91,107,21", "bbox")]
    [InlineData("bbox=a,b,c,d", "bbox")]
    [InlineData("near=106.3,20.4", "near")]
    [InlineData("near=106.3,20.4,0", "near")]
    [InlineData("near=106.3,20.4,-5", "near")]
    [InlineData("near=106.3,20.4,100001", "near")]
    [InlineData("near=190,20.4,100", "near")]
    [InlineData("near=106.3,20.4,Infinity", "near")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=-3", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=t1.", "cursor")]
    [InlineData("cursor=t1.***", "cursor")]
    public async Task A_bad_list_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        await AssertProblemAsync("/api/v1/twins?" + query, parameter);
    }

    [Theory]
    [InlineData("limit=100001", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("bbox=107,20,106,21", "bbox")]
    [InlineData("cursor=garbage", "cursor")]
    public async Task A_bad_map_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        await AssertProblemAsync("/api/v1/twins.geojson?" + query, parameter);
    }

    [Fact]
    public async Task The_largest_limits_are_accepted()
    {
        using var admin = factory.CreateAdminClient();

        using var list = await admin.GetAsync("/api/v1/twins?limit=1000");
        using var map = await admin.GetAsync("/api/v1/twins.geojson?limit=100000");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, map.StatusCode);
    }

    private async Task AssertProblemAsync(string url, string parameter)
    {
        using var admin = factory.CreateAdminClient();

        using var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
        Assert.Contains(parameter, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
