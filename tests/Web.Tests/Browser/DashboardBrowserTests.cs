using SmartCity.Twin.Silo.Tests;

namespace SmartCity.Twin.Web.Tests.Browser;

public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task The_silo_serves_the_dashboard_in_Vietnamese_to_a_real_browser()
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.StartWithMqtt(data.Path, "--Storage:Provider", "memory", "--Demo:Enabled", "false", "--Auth:AdminKey", "web-tests-admin-key");
        await silo.WaitUntilHealthyAsync();
        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(silo.BaseAddress);

        await page.GotoAsync("/");

        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        await page.Locator("#login-username").WaitForAsync();
    }
}
