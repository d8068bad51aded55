namespace SmartCity.Twin.Silo.Tests.Demo;

/// <summary>A demo setting the silo cannot use stops it at start with the key and the allowed values, not later in the log.</summary>
public sealed class DemoConfigurationErrorTests
{
    [Theory]
    [InlineData("Demo:Live", "maybe", "Demo:Live must be true or false, not 'maybe'.")]
    [InlineData("Demo:Speed", "0", "Demo:Speed must be a number of at least 1")]
    [InlineData("Demo:Scale", "-3", "Demo:Scale is the total number of demo devices, from 1 to 10000, not '-3'")]
    [InlineData("Demo:Seed", "twenty", "Demo:Seed must be a whole number, not 'twenty'.")]
    public async Task A_bad_demo_setting_exits_2_naming_the_key(string key, string value, string expectedMessage)
    {
        using var data = new TempDataFolder();
        await using var silo = SiloProcess.Start(data.Path, "--Storage:Provider", "memory", "--" + key, value);

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("configuration error: " + expectedMessage, silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.Output, StringComparison.Ordinal);
    }
}
