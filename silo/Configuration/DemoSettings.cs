namespace SmartCity.Twin.Silo.Configuration;

/// <summary>The <c>Demo</c> section.</summary>
internal sealed record DemoSettings(bool Enabled)
{
    public const string SectionName = "Demo";

    public static DemoSettings FromConfiguration(IConfiguration configuration)
    {
        var text = configuration.GetSection(SectionName)["Enabled"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new DemoSettings(Enabled: true);
        }

        return bool.TryParse(text.Trim(), out var enabled)
            ? new DemoSettings(enabled)
            : throw new SiloConfigurationException($"Demo:Enabled must be true or false, not '{text}'.");
    }
}
