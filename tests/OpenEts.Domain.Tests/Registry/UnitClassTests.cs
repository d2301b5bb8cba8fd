using OpenEts.Domain.Registry;
using Xunit;

namespace OpenEts.Domain.Tests.Registry;

public sealed partial class UnitClassTests
{
    [Theory]
    [InlineData("GDEA-2017", UnitType.Allowance, "GD", 2017)]
    [InlineData("gdea-2017", UnitType.Allowance, "GD", 2017)]
    [InlineData("CEA-2021", UnitType.Allowance, "CN", 2021)]
    [InlineData("HBEA-2014", UnitType.Allowance, "HB", 2014)]
    [InlineData("CCER", UnitType.Ccer, null, 0)]
    [InlineData("PHCER", UnitType.Phcer, null, 0)]
    [InlineData(" ffcer ", UnitType.Ffcer, null, 0)]
    public void TryParse_CanonicalText_ReadsTypeJurisdictionAndVintage(string text, UnitType type, string? jurisdiction, int vintage)
    {
        Assert.True(UnitClass.TryParse(text, out var value));

        Assert.Equal(type, value.Type);
        Assert.Equal(jurisdiction, value.Jurisdiction);
        Assert.Equal(vintage, value.Vintage);
        Assert.Equal(text.Trim().ToUpperInvariant(), value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("GDEA")]
    [InlineData("GDEA-17")]
    [InlineData("GDEA-1999")]
    [InlineData("GDEA-2100")]
    [InlineData("CNEA-2021")]
    [InlineData("GEA-2017")]
    [InlineData("G1EA-2017")]
    [InlineData("GDXX-2017")]
    [InlineData("GDEA-+201")]
    [InlineData("CCER-2017")]
    public void TryParse_NotAClass_ReturnsFalse(string? text) =>
        Assert.False(UnitClass.TryParse(text, out _));

    [Fact]
    public void Parse_NotAClass_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => UnitClass.Parse("EUA-2017"));

    [Fact]
    public void Allowance_National_FormatsAsCea() =>
        Assert.Equal("CEA-2024", UnitClass.Allowance(UnitClass.National, 2024).ToString());

    [Theory]
    [InlineData("gd", 2017)]
    [InlineData("GDX", 2017)]
    public void Allowance_BadJurisdiction_Throws(string jurisdiction, int vintage) =>
        Assert.Throws<ArgumentException>(() => UnitClass.Allowance(jurisdiction, vintage));

    [Fact]
    public void Allowance_VintageOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitClass.Allowance("GD", 1999));

    [Fact]
    public void Default_IsNotValid()
    {
        Assert.False(default(UnitClass).IsValid);
        Assert.True(UnitClass.Ccer.IsValid);
        Assert.Equal("(invalid)", default(UnitClass).ToString());
    }

    [Fact]
    public void Equality_SameText_IsEqual() =>
        Assert.Equal(UnitClass.Parse("GDEA-2017"), UnitClass.Allowance("GD", 2017));

    [Fact]
    public void CompareTo_OrdersByTypeJurisdictionVintage()
    {
        var sorted = new[] { UnitClass.Ccer, UnitClass.Parse("GDEA-2018"), UnitClass.Parse("CEA-2021"), UnitClass.Parse("GDEA-2017") }.Order();

        Assert.Equal(["CEA-2021", "GDEA-2017", "GDEA-2018", "CCER"], sorted.Select(c => c.ToString()));
    }
}
