using SmartCity.Twin.Runtime.Storage.Tests.States;

namespace SmartCity.Twin.Runtime.Storage.Tests;

/// <summary>The stored JSON format is a contract: rows outlive the code that wrote them.</summary>
public sealed class GrainStateJsonTests
{
    [Fact]
    public void Properties_are_camel_case_and_enums_are_strings()
    {
        var json = GrainStateJson.Serialize(new SensorState { Kind = SensorKind.AirQuality, Version = 2 });

        Assert.Contains("\"kind\":\"AirQuality\"", json, StringComparison.Ordinal);
        Assert.Contains("\"version\":2", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Vietnamese_text_is_stored_readably_not_as_unicode_escapes()
    {
        var json = GrainStateJson.Serialize(new Address { Street = "Đường Lê Lợi" });

        Assert.Contains("Đường Lê Lợi", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Dictionary_keys_are_kept_as_written()
    {
        var json = GrainStateJson.Serialize(new SensorState { Calibration = new Dictionary<string, double> { ["Offset"] = 1 } });

        Assert.Contains("\"Offset\":1", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_json_null_reads_as_a_new_state()
    {
        Assert.NotNull(GrainStateJson.Deserialize<SensorState>("null"));
    }

    [Fact]
    public void Property_names_are_matched_case_insensitively_on_read()
    {
        Assert.Equal(5, GrainStateJson.Deserialize<CounterState>("{\"Count\":5}").Count);
    }
}
