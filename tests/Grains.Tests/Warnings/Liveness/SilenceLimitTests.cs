using SmartCity.Twin.Grains.Warnings;
using SmartCity.Twin.Grains.Warnings.Liveness;

namespace SmartCity.Twin.Grains.Tests.Warnings.Liveness;

public sealed class SilenceLimitTests
{
    private readonly LivenessWarningOptions options = new();

    [Theory]
    [InlineData(null, 15)]
    [InlineData("60", 15)]
    [InlineData("600", 30)]
    [InlineData("3600", 180)]
    [InlineData("often", 15)]
    [InlineData("-600", 15)]
    public void A_device_may_be_silent_for_15_minutes_or_three_of_its_report_intervals_if_longer(string? interval, int minutes)
    {
        var attributes = interval is null ? null : new Dictionary<string, string> { [SilenceLimit.ReportIntervalAttribute] = interval };

        Assert.Equal(TimeSpan.FromMinutes(minutes), SilenceLimit.For(options, attributes));
    }
}
