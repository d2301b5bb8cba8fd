using System.Globalization;
using OpenEts.Application.Forms;

namespace OpenEts.Application.Inclusion;

/// <summary>The quality dashboard as a sheet: one row per counter (day, partner, programme, outcome, events).</summary>
public static class QualitySheet
{
    /// <summary>
    /// 日期 (Beijing day received), 合作方编号 (partner id; 0: recorded directly), 合作方, 项目, 结果 (<c>Counted</c>,
    /// <c>CountedInAggregatedPeriod</c>, <c>CountedCoinsCut</c>, or the rule), 事件数.
    /// </summary>
    public static IReadOnlyList<string> Header { get; } = ["日期", "合作方编号", "合作方", "项目", "结果", "事件数"];

    /// <summary>The file name, e.g. <c>inclusion-quality-2026-11-01-2026-11-30.xlsx</c>.</summary>
    public static string FileName(QualityDashboard dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        return string.Create(CultureInfo.InvariantCulture, $"inclusion-quality-{dashboard.From:yyyy-MM-dd}-{dashboard.To:yyyy-MM-dd}.xlsx");
    }

    public static IEnumerable<IReadOnlyList<object?>> Rows(QualityDashboard dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        foreach (var r in dashboard.Rows)
        {
            yield return [FieldReader.DayText(r.Day), r.Partner, dashboard.NameOf(r.Partner), r.Programme, r.Outcome, r.Events];
        }
    }
}
