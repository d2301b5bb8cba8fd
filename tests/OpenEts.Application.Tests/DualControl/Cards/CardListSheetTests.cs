using OpenEts.Application.DualControl.Cards;
using OpenEts.Domain.DualControl.Cards;
using Xunit;

namespace OpenEts.Application.Tests.DualControl.Cards;

public sealed class CardListSheetTests
{
    [Fact]
    public void Rows_RedAndSupervisedCompanyWithoutACard_NumberedWithChineseColoursAndSupervisionMarked()
    {
        var list = new CardList("tianjin", Quarter.From(2026, 2), new DateOnly(2026, 7, 31),
            [new CardListRow("A", "甲公司", 7, CardColour.Red, new DateOnly(2026, 4, 2), true, "rule")],
            [new SupervisedCompany("A", "甲公司"), new SupervisedCompany("B", "乙公司")], DateTimeOffset.UnixEpoch, "regulator");

        var rows = CardListSheet.Rows(list).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal([1, "A", "甲公司", "红牌", "2026-04-02", "在牌", "rule", "是"], rows[0]);
        Assert.Equal(2, rows[1][0]);
        Assert.Equal("是", rows[1][7]);
        Assert.Equal("cards-tianjin-2026Q2.xlsx", CardListSheet.FileName(list));
    }
}
