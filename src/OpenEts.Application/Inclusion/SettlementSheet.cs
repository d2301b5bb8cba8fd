using System.Globalization;
using OpenEts.Application.Forms;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>A settlement statement as the merchant and the operator read it: the statement, its merchant, and every redemption it settled.</summary>
public sealed record SettlementSheet(MerchantSettlement Settlement, Merchant Merchant, IReadOnlyList<Settlement.Line> Lines)
{
    /// <summary>兑换记录 (redemption), 项目 (item), 核销日期 (Beijing day confirmed), 碳币, 元/碳币, 金额（元）.</summary>
    public static IReadOnlyList<string> Header { get; } = ["兑换记录", "兑换项目", "核销日期", "碳币", "元/碳币", "金额（元）"];

    /// <summary>The file name, e.g. <c>inclusion-settlement-3.xlsx</c>.</summary>
    public string FileName => string.Create(CultureInfo.InvariantCulture, $"inclusion-settlement-{Settlement.Id}.xlsx");

    /// <summary>One row per redemption, then the totals.</summary>
    public IEnumerable<IReadOnlyList<object?>> Rows()
    {
        foreach (var l in Lines)
        {
            yield return [l.RedemptionId, l.Item, FieldReader.DayText(l.ConfirmedOn), l.Coins, l.YuanPerCoin, l.Yuan];
        }
        yield return [null, $"合计 {Merchant.Name} {Settlement.PeriodStart:yyyy-MM-dd} – {Settlement.PeriodEnd:yyyy-MM-dd}", null, Settlement.Coins, null,
            Settlement.Yuan];
    }
}
