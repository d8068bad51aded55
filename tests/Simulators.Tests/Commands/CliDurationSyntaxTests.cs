using SmartCity.Twin.Simulators.Running;

namespace SmartCity.Twin.Simulators.Tests.Commands;

public sealed class CliDurationSyntaxTests
{
    [Theory]
    [InlineData("600", 600)]
    [InlineData("10m", 600)]
    [InlineData("1h30m", 5_400)]
    [InlineData("2d", 172_800)]
    [InlineData("45s", 45)]
    [InlineData("PT10M", 600)]
    [InlineData("P1DT2H", 93_600)]
    [InlineData("1.5h", 5_400)]
    public void Durations_are_read_in_seconds_units_or_iso_8601(string text, double seconds)
    {
        Assert.True(DurationSyntax.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ten")]
    [InlineData("10x")]
    [InlineData("0")]
    [InlineData("-5m")]
    [InlineData("PT")]
    [InlineData("m10")]
    public void Anything_else_is_not_a_duration(string text)
    {
        Assert.False(DurationSyntax.TryParse(text, out _));
    }
}
