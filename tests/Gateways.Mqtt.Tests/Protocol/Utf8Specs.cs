using System.Buffers;
using System.Text;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Protocol;

public class Utf8Specs
{
    private static readonly byte[] Vietnamese = Encoding.UTF8.GetBytes("Trung tâm giám sát, điều hành đô thị thông minh 🏙");

    [Fact]
    public void Character_data_split_inside_every_code_point_is_still_valid()
    {
        for (int size = 1; size <= 5; size++)
        {
            Assert.True(MqttUtf8.IsValidCharacterData(Segments.Every(Vietnamese, size)), $"segments of {size}");
        }
    }

    [Fact]
    public void Character_data_may_contain_u0000_but_a_string_may_not()
    {
        var bytes = new ReadOnlySequence<byte>(new byte[] { (byte)'a', 0x00 });
        Assert.True(MqttUtf8.IsValidCharacterData(bytes));
        Assert.False(MqttUtf8.IsValid(bytes));
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x8F })]
    [InlineData(new byte[] { 0xFF })]
    public void Ill_formed_character_data_is_refused_however_it_is_split(byte[] bad)
    {
        byte[] bytes = [.. Vietnamese, .. bad, .. "x"u8];
        if (bad.Length == 3 && bad[0] == 0xF0)
        {
            bytes = [.. Vietnamese, .. bad];
        }

        for (int size = 1; size <= 4; size++)
        {
            Assert.False(MqttUtf8.IsValidCharacterData(Segments.Every(bytes, size)), $"segments of {size}");
        }

        Assert.False(MqttUtf8.IsValidCharacterData(new ReadOnlySequence<byte>(bytes)));
    }

    [Fact]
    public void A_string_split_across_segments_compares_and_converts_like_a_contiguous_one()
    {
        ReadOnlySequence<byte> split = Segments.Every(Vietnamese, 2);

        Assert.True(MqttUtf8.IsValid(split));
        Assert.True(MqttUtf8.Equals(split, "Trung tâm giám sát, điều hành đô thị thông minh 🏙"));
        Assert.False(MqttUtf8.Equals(split, "Trung tâm"));
        Assert.Equal("Trung tâm giám sát, điều hành đô thị thông minh 🏙", MqttUtf8.GetString(split));
    }
}
