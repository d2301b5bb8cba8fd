using System.Globalization;
using OpenEts.Domain.DualControl.Cards;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>A quarter's card list as a sheet in the shape the provinces publish: one row per card, then the 挂牌督办 companies.</summary>
public static class CardListSheet
{
    public static IReadOnlyList<string> Header { get; } = ["序号", "统一社会信用代码", "企业名称", "牌色", "亮牌日期", "季末状态", "依据", "挂牌督办"];

    /// <summary>The file name, e.g. <c>cards-tianjin-2026Q2.xlsx</c>.</summary>
    public static string FileName(CardList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return $"cards-{list.Jurisdiction}-{list.Quarter}.xlsx";
    }

    /// <summary>
    /// The sheet's rows; <paramref name="ground"/> gives each card's 依据 from its stored ground (the rules' note, kept as
    /// the data documents write it), as stored when null.
    /// </summary>
    public static IEnumerable<IReadOnlyList<object?>> Rows(CardList list, Func<string, string>? ground = null)
    {
        ArgumentNullException.ThrowIfNull(list);
        ground ??= g => g;
        var supervised = list.Supervised.Select(s => s.OrganisationCode).ToHashSet(StringComparer.Ordinal);
        var n = 0;
        foreach (var r in list.Rows)
        {
            yield return [++n, r.OrganisationCode, r.OrganisationName, r.Colour == CardColour.Red ? "红牌" : "黄牌",
                r.ConfirmedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.InForceAtEnd ? "在牌" : "已摘牌", ground(r.Trigger),
                supervised.Contains(r.OrganisationCode) ? "是" : ""];
        }
        foreach (var s in list.Supervised.Where(s => list.Rows.All(r => r.OrganisationCode != s.OrganisationCode)))
        {
            yield return [++n, s.OrganisationCode, s.OrganisationName, "", "", "", "连续两个季度严重超标", "是"];
        }
    }
}
