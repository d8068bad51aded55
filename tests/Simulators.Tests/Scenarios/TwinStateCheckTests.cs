using System.Net;
using System.Text;
using System.Text.Json;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Simulation.Scenarios;
using SmartCity.Twin.Simulation.Signals;
using SmartCity.Twin.Simulators.Drills;
using SmartCity.Twin.Simulators.Provisioning;

namespace SmartCity.Twin.Simulators.Tests.Scenarios;

public sealed class TwinStateCheckTests
{
    private static readonly ScenarioPlay Play = ScenarioPlayTests.Play("power-cut");

    [Theory]
    [InlineData("Offline", true)]
    [InlineData("Online", false)]
    public void Liveness_is_judged_as_the_api_shows_it(string liveness, bool met)
    {
        var verdict = met ? ExpectationVerdict.Met : ExpectationVerdict.NotMet;
        var expected = Play.Expectations.First(e => e.Expectation.Liveness == DeviceLiveness.Offline);

        var result = TwinStateCheck.Judge(expected, Twin($$"""{"liveness": "{{liveness}}", "metrics": []}"""));

        Assert.Equal(verdict, result.Verdict);
        Assert.Equal($"liveness {liveness.ToLowerInvariant()}", result.Observed);
    }

    [Fact]
    public void A_metric_bound_is_judged_on_the_latest_reading()
    {
        var expected = new GroundTruthExpectation(
            new ScenarioExpectation { Target = "x", Metric = "pm2_5", AtLeast = 200 }, Play.Province.Devices[0], TimeSpan.Zero, Play.Start);

        Assert.Equal(ExpectationVerdict.Met, TwinStateCheck.Judge(expected, Twin("""{"metrics": [{"metric": "pm2_5", "value": 231.4}]}""")).Verdict);
        var low = TwinStateCheck.Judge(expected, Twin("""{"metrics": [{"metric": "pm2_5", "value": 41}]}"""));
        Assert.Equal((ExpectationVerdict.NotMet, "pm2_5 = 41"), (low.Verdict, low.Observed));
        Assert.Equal("no pm2_5 reading", TwinStateCheck.Judge(expected, Twin("""{"metrics": []}""")).Observed);
    }

    [Fact]
    public void What_the_api_does_not_show_is_neither_met_nor_failed()
    {
        var expected = new GroundTruthExpectation(
            new ScenarioExpectation { Target = "x", PanelState = "alarm" }, Play.Province.Devices[0], TimeSpan.Zero, Play.Start);

        Assert.Equal(ExpectationVerdict.NotInApi, TwinStateCheck.Judge(expected, Twin("{}")).Verdict);
    }

    [Fact]
    public async Task A_device_dropping_out_by_the_simulations_own_fault_is_excused_not_failed()
    {
        var expected = Play.Expectations.First(e => e.Expectation.Liveness == DeviceLiveness.Offline);
        using var http = new HttpClient(new OneTwin("""{"liveness": "Online"}""")) { BaseAddress = new Uri("http://twin.test/") };
        var check = new TwinStateCheck(new TwinApiClient(http), TimeProvider.System, [new DeviceFault(expected.Device.Id, DeviceFaultKind.Dropout, null, Play.Start, null)]);

        var result = Assert.Single(await check.CheckAsync([expected], CancellationToken.None));

        Assert.Equal(ExpectationVerdict.Excused, result.Verdict);
        Assert.Equal("liveness online (dropout fault of the simulation)", result.Observed);
    }

    private static JsonElement Twin(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private sealed class OneTwin(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }
}
