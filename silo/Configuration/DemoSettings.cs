using System.Globalization;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Silo.Configuration;

/// <summary>
/// The <c>Demo</c> section: a simulated province that the silo provisions and, when live, runs in-process.
/// </summary>
/// <param name="Enabled"><c>Demo:Enabled</c>, default <c>true</c>: provision the demo province's devices at start.</param>
/// <param name="Live">
/// <c>Demo:Live</c>, default <c>true</c>: after provisioning, run the simulators' generator in-process so the devices
/// report as real ones do; <c>false</c> leaves the province provisioned but silent.
/// </param>
/// <param name="Speed">
/// <c>Demo:Speed</c>, default <c>1</c> (real time). Above 1 the generator starts one simulated day in the past and
/// replays it at that speed until it reaches now, then goes on in real time.
/// </param>
/// <param name="Seed"><c>Demo:Seed</c>, default 2020: the same seed lays out and animates the same province.</param>
/// <param name="Scale">
/// <c>Demo:Scale</c>: the total number of devices, shared between the kinds in the default province's proportions;
/// default (<c>null</c>) the counts modelled on Thái Bình's IOC (161 devices).
/// </param>
internal sealed record DemoSettings(bool Enabled, bool Live, double Speed, int Seed, int? Scale)
{
    public const string SectionName = "Demo";

    /// <summary>
    /// Sixty times Thái Bình's 161 devices is plenty to show a dense map, and 10,000 live devices cost the silo about
    /// 350 MB and a tenth of a core; beyond that an in-process demo would compete with real devices for the silo's
    /// cores (the simulators' <c>run --scale</c> and <c>load</c> commands are the tools for that).
    /// </summary>
    public const int MaxScale = 10_000;

    public static DemoSettings Default { get; } = new(Enabled: true, Live: true, Speed: 1, Seed: ProvinceLayout.DefaultSeed, Scale: null);

    /// <summary><paramref name="seeded"/> (the province's seed-modelled counts), or as many devices as <see cref="Scale"/> in its proportions.</summary>
    public DeviceCounts Counts(DeviceCounts seeded) => Scale is { } total ? seeded.ScaledTo(total) : seeded;

    /// <exception cref="SiloConfigurationException">A value cannot be used; the message names the key.</exception>
    public static DemoSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return new DemoSettings(
            Enabled: ParseBoolean(section, "Enabled", Default.Enabled),
            Live: ParseBoolean(section, "Live", Default.Live),
            Speed: ParseSpeed(section),
            Seed: ParseSeed(section),
            Scale: ParseScale(section));
    }

    private static bool ParseBoolean(IConfigurationSection section, string key, bool defaultValue)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        return bool.TryParse(text.Trim(), out var value)
            ? value
            : throw new SiloConfigurationException($"Demo:{key} must be true or false, not '{text}'.");
    }

    private static double ParseSpeed(IConfigurationSection section)
    {
        var text = section["Speed"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default.Speed;
        }

        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && double.IsFinite(speed) && speed >= 1
            ? speed
            : throw new SiloConfigurationException(
                $"Demo:Speed must be a number of at least 1 (1 = real time, 60 = an hour a minute), not '{text}'.");
    }

    private static int ParseSeed(IConfigurationSection section)
    {
        var text = section["Seed"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default.Seed;
        }

        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new SiloConfigurationException($"Demo:Seed must be a whole number, not '{text}'.");
    }

    private static int? ParseScale(IConfigurationSection section)
    {
        var text = section["Scale"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default.Scale;
        }

        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var scale) && scale is >= 1 and <= MaxScale
            ? scale
            : throw new SiloConfigurationException(
                $"Demo:Scale is the total number of demo devices, from 1 to {MaxScale}, not '{text}'; leave it empty for the province's own counts.");
    }
}
