using OpenEts.Domain.DualControl.Cards;
using Xunit;

namespace OpenEts.Domain.Tests.DualControl.Cards;

public sealed class QuarterTests
{
    [Theory]
    [InlineData(2026, 3, "2026-10-31")]
    [InlineData(2026, 4, "2027-01-31")]
    [InlineData(2027, 1, "2027-04-30")]
    public void PublishBy_OneMonth_IsTheLastDayOfTheFollowingMonth(int year, int number, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Quarter.From(year, number).PublishBy(1));

    [Fact]
    public void TryParse_TextForms_ReadsOrRefuses()
    {
        Assert.True(Quarter.TryParse("2026q3", out var q, out _));
        Assert.Equal(Quarter.From(2026, 3), q);
        Assert.Equal("2026Q3", q.ToString());
        Assert.False(Quarter.TryParse("2026Q5", out _, out _));
        Assert.False(Quarter.TryParse("", out _, out _));
    }

    [Fact]
    public void Of_LastDayOfMarch_IsQ1AndPreviousOfQ1IsLastYearsQ4()
    {
        Assert.Equal(Quarter.From(2026, 1), Quarter.Of(new DateOnly(2026, 3, 31)));
        Assert.Equal(Quarter.From(2025, 4), Quarter.From(2026, 1).Previous);
    }
}
