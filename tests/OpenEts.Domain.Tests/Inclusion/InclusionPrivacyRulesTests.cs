using OpenEts.Domain.Inclusion;
using Xunit;

namespace OpenEts.Domain.Tests.Inclusion;

/// <summary>The minimum group of public statistics, partners' keys and scopes, and the retention window of raw actions.</summary>
public sealed class InclusionPrivacyRulesTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(1_000_000, true)]
    public void Shows_KOfFive_HidesOneToFourCitizens(long citizens, bool shown) =>
        Assert.Equal(shown, MinimumGroup.Default.Shows(citizens));

    [Fact]
    public void Default_MinimumGroup_IsTheUnconfirmedPlatformChoiceOfFive() =>
        Assert.Equal((5, false), (MinimumGroup.Default.Citizens, MinimumGroup.Default.Confirmed));

    [Fact]
    public void FromRandom_TwentyBytes_IsThePrefixAndThirtyTwoBase32CharactersThatHashToSha256()
    {
        var zeros = PartnerKey.FromRandom(new byte[PartnerKey.RandomBytes]);
        var ones = PartnerKey.FromRandom(Enumerable.Repeat((byte)0xFF, PartnerKey.RandomBytes).ToArray());

        Assert.Equal("oetsp_" + new string('a', 32), zeros.Value);
        Assert.Equal("oetsp_" + new string('7', 32), ones.Value);
        Assert.True(PartnerKey.LooksLikeKey(ones.Value));
        Assert.False(PartnerKey.LooksLikeKey("oetsp_short"));
        Assert.Equal("oetsp_7777", ones.Shown);
        Assert.DoesNotContain(ones.Value, ones.ToString(), StringComparison.Ordinal);
        // SHA-256 of "abc" (FIPS 180-2 example).
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", PartnerKey.Hash("abc"));
    }

    [Fact]
    public void Permits_BikeShareKey_SubmitsBikeRidesOfItsProgrammeOnly()
    {
        var scope = new PartnerScope("fuzhou-lvbao", [Behaviour.Bike]);

        Assert.True(scope.Permits("fuzhou-lvbao", Behaviour.Bike));
        Assert.False(scope.Permits("fuzhou-lvbao", Behaviour.Bus));
        Assert.False(scope.Permits("shenzhen-tanpuhui", Behaviour.Bike));
    }

    [Fact]
    public void FirstKept_FourHundredDays_KeepsActionsFromTheSameDayOfTheMonthBeforeLastYear()
    {
        // 2026-11-30 − 365 days = 2025-11-30; − 35 more = 2025-10-26.
        Assert.Equal(new DateOnly(2025, 10, 26), RawActionRetention.Default.FirstKept(new DateOnly(2026, 11, 30)));
        Assert.False(RawActionRetention.Default.Confirmed);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RawActionRetention(30, "", true).FirstKept(new DateOnly(2026, 11, 30)));
    }
}
