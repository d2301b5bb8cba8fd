using OpenEts.Domain.Mrv;

namespace OpenEts.Application.Mrv.Files;

/// <summary>
/// A report as a workbook (docs/mrv.md, "Template and CSV format"): one data sheet whose rows are the report's
/// settings (行业, 报告年度, 电网区域, 核算方法), its emission sources and its production outputs, all in the same columns so
/// that CSV holds the same thing. <see cref="WriteTemplate"/> writes a sector's template (with a factors sheet showing
/// the defaults), <see cref="Read"/> reads a filled one back, <see cref="WriteReport"/> exports a computed report with
/// its derivation.
/// </summary>
public static partial class ReportWorkbook
{
    /// <summary>The data sheet's name in Chinese workbooks (the first sheet; the reader reads the first sheet).</summary>
    public const string DataSheetZh = "报告";

    /// <summary>The data sheet's name in English workbooks.</summary>
    public const string DataSheetEn = "Report";

    /// <summary>The grid region a report without a 电网区域 row is computed for: the Guangdong market's province.</summary>
    public const string DefaultRegion = "guangdong";

    private static readonly (ReportMetaKind Kind, string Code, string Zh, string En)[] MetaRows =
    [
        (ReportMetaKind.Sector, "sector", "行业", "Sector"),
        (ReportMetaKind.Year, "year", "报告年度", "Year"),
        (ReportMetaKind.Region, "region", "电网区域", "Region"),
        (ReportMetaKind.Method, "method", "核算方法", "Method"),
    ];

    private static readonly (AccountingMethod Method, string Code, string Zh)[] Methods =
    [
        (AccountingMethod.SectorGuideline, "sector-guideline", "行业指南"),
        (AccountingMethod.PowerFacility2022, "power-facility-2022", "发电设施指南2022"),
    ];

    /// <summary>The code of an accounting method as files write it ("sector-guideline", "power-facility-2022").</summary>
    public static string MethodCode(AccountingMethod method) => Array.Find(Methods, m => m.Method == method).Code;

    private static bool TryParseMeta(string text, out ReportMetaKind kind)
    {
        foreach (var row in MetaRows)
        {
            if (string.Equals(text, row.Code, StringComparison.OrdinalIgnoreCase) || text == row.Zh
                || string.Equals(text, row.En, StringComparison.OrdinalIgnoreCase))
            {
                kind = row.Kind;
                return true;
            }
        }
        kind = default;
        return false;
    }

    private static bool TryParseMethod(string text, out AccountingMethod method)
    {
        foreach (var row in Methods)
        {
            if (string.Equals(text, row.Code, StringComparison.OrdinalIgnoreCase) || text == row.Zh
                || string.Equals(text, row.Method.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                method = row.Method;
                return true;
            }
        }
        method = default;
        return false;
    }

    private static string MetaName(ReportMetaKind kind, bool english)
    {
        var row = Array.Find(MetaRows, m => m.Kind == kind);
        return english ? row.En : row.Zh;
    }
}
