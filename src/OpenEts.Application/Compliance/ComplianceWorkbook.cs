using OpenEts.Application.Files;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Compliance;

/// <summary>
/// A compliance list as an .xlsx like the yearly 履约 announcements (Chinese headers): one row per entity, then one row
/// per rule of the year whose source is unconfirmed, marked <c>[UNCONFIRMED]</c> with its reference, so that the flag
/// travels with the figures. The API's download and <c>ets compliance list --export</c> both write it.
/// </summary>
public static class ComplianceWorkbook
{
    /// <summary>The column headers.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["统一社会信用代码", "单位名称", "行业", "审定排放量（吨）", "应清缴（吨）", "已清缴（吨）", "其中配额（吨）", "其中抵销（吨）", "尚欠（吨）", "履约状态"];

    /// <summary>The worksheet's name.</summary>
    public const string Sheet = "履约清单";

    /// <summary>The file name of <paramref name="list"/>'s download.</summary>
    public static string FileName(ComplianceList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return $"履约清单-{list.Jurisdiction}-{list.Year}.xlsx";
    }

    /// <summary>Writes <paramref name="list"/> to <paramref name="output"/>.</summary>
    public static void Write(Stream output, ComplianceList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var r in list.Rows)
        {
            rows.Add([r.Entity.Value, r.Name, DomainNames.Chinese(r.Sector), r.Standing.Approved.Value, r.Standing.Required, r.Standing.Surrendered,
                r.Standing.Allowances, r.Standing.Offsets, r.Standing.Remaining, StatusText(r.Standing)]);
        }
        foreach (var source in list.Rules.Sources.Where(s => !s.Confirmed))
        {
            rows.Add(["[UNCONFIRMED]", source.Field, source.Reference, null, null, null, null, null, null, null]);
        }
        TabularWriter.WriteXlsx(output, Sheet, Header, rows);
    }

    /// <summary>The status as the announcements and the list page word it: 已履约, 逾期履约, 未履约（已过截止日） or 未足额清缴.</summary>
    public static string StatusText(EntityCompliance standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        return standing.Status switch
        {
            ComplianceStatus.Compliant => "已履约",
            ComplianceStatus.Late => "逾期履约",
            _ => standing.PastDeadline ? "未履约（已过截止日）" : "未足额清缴",
        };
    }
}
