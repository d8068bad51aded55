using Microsoft.Extensions.Configuration;
using SmartCity.Twin.Silo.Configuration;

namespace SmartCity.Twin.Silo.Tests.Demo;

public sealed class DemoSettingsTests
{
    [Fact]
    public void Without_a_Demo_section_the_default_province_is_provisioned_and_lives_in_real_time()
    {
        var settings = DemoSettings.FromConfiguration(Configuration());

        Assert.True(settings.Enabled);
        Assert.True(settings.Live);
        Assert.Equal(1, settings.Speed);
        Assert.Equal(2020, settings.Seed);
        Assert.Null(settings.Scale);
    }

    [Fact]
    public void Every_demo_setting_is_read_from_the_section()
    {
        var settings = DemoSettings.FromConfiguration(Configuration(
            ("Demo:Enabled", "true"), ("Demo:Live", "False"), ("Demo:Speed", "60.5"), ("Demo:Seed", " -7 "), ("Demo:Scale", "1000")));

        Assert.Equal(new DemoSettings(Enabled: true, Live: false, Speed: 60.5, Seed: -7, Scale: 1000), settings);
    }

    [Theory]
    [InlineData("Demo:Live", "sometimes", "Demo:Live must be true or false, not 'sometimes'.")]
    [InlineData("Demo:Speed", "fast", "Demo:Speed must be a number of at least 1")]
    [InlineData("Demo:Speed", "0.5", "Demo:Speed must be a number of at least 1")]
    [InlineData("Demo:Speed", "Infinity", "Demo:Speed must be a number of at least 1")]
    [InlineData("Demo:Seed", "1.5", "Demo:Seed must be a whole number, not '1.5'.")]
    [InlineData("Demo:Scale", "0", "Demo:Scale is the total number of demo devices, from 1 to 10000, not '0'")]
    [InlineData("Demo:Scale", "20000", "Demo:Scale is the total number of demo devices, from 1 to 10000, not '20000'")]
    [InlineData("Demo:Scale", "many", "Demo:Scale is the total number of demo devices")]
    public void A_bad_demo_value_is_refused_naming_the_key(string key, string value, string expectedMessage)
    {
        var error = Assert.Throws<SiloConfigurationException>(() => DemoSettings.FromConfiguration(Configuration((key, value))));

        Assert.StartsWith(expectedMessage, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values)
        => new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
