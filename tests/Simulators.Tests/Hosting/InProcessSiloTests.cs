using System.Net;

namespace SmartCity.Twin.Simulators.Tests.Hosting;

public sealed class InProcessSiloTests(InProcessSilo silo) : IClassFixture<InProcessSilo>
{
    [Fact]
    public async Task Serves_the_api_on_a_real_socket_to_the_admin_key()
    {
        using var http = silo.CreateAdminClient();

        using var response = await http.GetAsync(new Uri("api/v1/twins", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
