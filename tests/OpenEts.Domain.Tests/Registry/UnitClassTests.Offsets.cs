using OpenEts.Domain.Registry;
using Xunit;

namespace OpenEts.Domain.Tests.Registry;

public sealed partial class UnitClassTests
{
    private static readonly string[] Shuffled =
        ["FFCER-A1-2016", "CCER-000002-2015", "CCER-000001-2020", "CCER", "CCER-000001-2019", "GDEA-2017"];

    [Theory]
    [InlineData("CCER-001234-2019", UnitType.Ccer, "001234", 2019)]
    [InlineData("ccer-001234-2019", UnitType.Ccer, "001234", 2019)]
    [InlineData("FFCER-FJ0001-2016", UnitType.Ffcer, "FJ0001", 2016)]
    [InlineData(" PHCER-GZ2017A-2017 ", UnitType.Phcer, "GZ2017A", 2017)]
    public void TryParse_OffsetClassText_ReadsProgrammeProjectAndVintage(string text, UnitType programme, string project, int vintage)
    {
        Assert.True(UnitClass.TryParse(text, out var value));

        Assert.Equal(programme, value.Type);
        Assert.Equal(project, value.Project);
        Assert.Equal(vintage, value.Vintage);
        Assert.True(value.IsProjectClass);
        Assert.False(value.IsLegacyOffset);
        Assert.Equal(text.Trim().ToUpperInvariant(), value.ToString());
        Assert.Equal(UnitClass.Offset(programme, project, vintage), value);
    }

    [Theory]
    [InlineData("CCER-0012-34-2019")]
    [InlineData("CCER--2019")]
    [InlineData("CCER-001234-19")]
    [InlineData("CCER-001234-1999")]
    [InlineData("CCER-00 1234-2019")]
    [InlineData("CCER-12345678901234567-2019")]
    [InlineData("GDEA-001234-2019")]
    [InlineData("XCER-001234-2019")]
    [InlineData("CCER-001234")]
    public void TryParse_MalformedOffsetClass_ReturnsFalse(string text) =>
        Assert.False(UnitClass.TryParse(text, out _));

    [Fact]
    public void LegacyClasses_StayReadableAndDistinctFromProjectClasses()
    {
        var legacy = UnitClass.Parse("CCER");

        Assert.True(legacy.IsLegacyOffset);
        Assert.Null(legacy.Project);
        Assert.Equal("CCER", legacy.ToString());
        Assert.NotEqual(UnitClass.Parse("CCER-001234-2019"), legacy);
        Assert.True(legacy < UnitClass.Parse("CCER-001234-2019"));
    }

    [Fact]
    public void CompareTo_OffsetClasses_OrderByProgrammeProjectThenVintage()
    {
        var sorted = Shuffled.Select(UnitClass.Parse).Order().Select(c => c.ToString());

        Assert.Equal(["GDEA-2017", "CCER", "CCER-000001-2019", "CCER-000001-2020", "CCER-000002-2015", "FFCER-A1-2016"], sorted);
    }

    [Theory]
    [InlineData("CCER-001234-2019-1-1000", "CCER-001234-2019", 1, 1000)]
    [InlineData("GDEA-2017-501-600", "GDEA-2017", 501, 600)]
    [InlineData("CCER-1-2000", "CCER", 1, 2000)]
    [InlineData("FFCER-FJ0001-2016-42", "FFCER-FJ0001-2016", 42, 42)]
    public void TryParseSerials_DisplayedSerial_ReadsClassAndBlock(string text, string unitClass, long first, long last)
    {
        Assert.True(UnitClass.TryParseSerials(text, out var parsedClass, out var serials));

        Assert.Equal(UnitClass.Parse(unitClass), parsedClass);
        Assert.Equal(SerialBlock.Create(first, last), serials);
    }

    [Fact]
    public void SerialText_OfAProjectClass_ReadsBackToTheSameClassAndBlock()
    {
        var unitClass = UnitClass.Offset(UnitType.Ccer, "001234", 2019);
        var block = SerialBlock.Create(1001, 2500);

        var text = unitClass.SerialText(block);

        Assert.Equal("CCER-001234-2019-1001-2500", text);
        Assert.True(UnitClass.TryParseSerials(text, out var back, out var serials));
        Assert.Equal((unitClass, block), (back, serials));
    }

    [Theory]
    [InlineData("CCER-001234-2019-5-4")]
    [InlineData("CCER-001234-2019-0-4")]
    [InlineData("CCER-001234-2019-x-4")]
    [InlineData("1-4")]
    public void TryParseSerials_Malformed_ReturnsFalse(string text) =>
        Assert.False(UnitClass.TryParseSerials(text, out _, out _));

    [Fact]
    public void Offset_AllowanceType_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitClass.Offset(UnitType.Allowance, "001234", 2019));
}
