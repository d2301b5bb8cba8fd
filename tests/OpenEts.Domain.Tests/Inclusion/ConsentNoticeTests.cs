using OpenEts.Domain.Inclusion;

namespace OpenEts.Domain.Tests.Inclusion;

public sealed class ConsentNoticeTests
{
    [Theory]
    [InlineData("2026-11", true)]
    [InlineData("2025-01", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Permits_Version_OnlyConsentToTheNoticeInForce(string? version, bool permits) =>
        Assert.Equal(permits, ConsentNotice.Current.Permits(version));

    [Fact]
    public void Current_StatesWhatIsCollected_WithOnlyTheAnonymisedTotalsKeptAfterErasure()
    {
        var notice = ConsentNotice.Current;

        Assert.Equal(["account", "nickname", "contact", "actions", "coins", "totals"], notice.Items.Select(i => i.Code).ToArray());
        Assert.Equal(["totals"], notice.Items.Where(i => i.KeptAfterErasure).Select(i => i.Code).ToArray());
        Assert.Equal(["nickname", "contact"], notice.Items.Where(i => !i.Required).Select(i => i.Code).ToArray());
        Assert.Equal(400, notice.Items.Single(i => i.Code == "actions").RetentionDays);
    }
}
