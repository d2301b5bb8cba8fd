using MiniExcelLibs;
using OpenEts.Application.Files;

namespace OpenEts.Application.Tests.Files;

/// <summary>A downloaded template as a clerk sees it: its sheets, its data sheet's headers, its instructions; and the same file with rows typed in.</summary>
internal static class TemplateWorkbook
{
    public static byte[] Write(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// The instructions of a template whose data sheet is <paramref name="dataSheet"/> with <paramref name="header"/>,
    /// after checking that the instructions list exactly those columns, in order.
    /// </summary>
    public static Dictionary<string, string[]> CheckedInstructions(byte[] xlsx, string dataSheet, IReadOnlyList<string> header)
    {
        var guide = Instructions(xlsx);
        Xunit.Assert.Equal([dataSheet, TabularWriter.InstructionsSheet], Sheets(xlsx));
        Xunit.Assert.Equal(header, DataHeader(xlsx));
        Xunit.Assert.Equal(header, guide.Keys);
        return guide;
    }

    public static IReadOnlyList<string> Sheets(byte[] xlsx) => [.. MiniExcel.GetSheetNames(new MemoryStream(xlsx))];

    /// <summary>The instructions sheet's rows as column name → (unit, required, allowed, rule, example).</summary>
    public static Dictionary<string, string[]> Instructions(byte[] xlsx) =>
        MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: TabularWriter.InstructionsSheet)
            .Cast<IDictionary<string, object?>>()
            .Where(r => r["单位"] is not null)
            .ToDictionary(r => r["列名"]!.ToString()!, r => TabularWriter.GuideHeader.Skip(1).Select(h => r[h]?.ToString() ?? "").ToArray());

    public static IReadOnlyList<string> DataHeader(byte[] xlsx) =>
        [.. ((IDictionary<string, object?>)MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: false).First()).Values.Select(v => v?.ToString() ?? "")];

    /// <summary>The template with <paramref name="rows"/> typed into its data sheet under its headers, its instructions kept.</summary>
    public static MemoryStream Filled(byte[] xlsx, params object?[][] rows)
    {
        var sheets = Sheets(xlsx);
        var header = DataHeader(xlsx);
        var data = rows.Select(r => header.Select((h, i) => (h, v: i < r.Length ? r[i] : null)).ToDictionary(p => p.h, p => p.v)).ToList();
        var guide = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: sheets[1]).ToList();
        var filled = new MemoryStream();
        MiniExcel.SaveAs(filled, new Dictionary<string, object> { [sheets[0]] = data, [sheets[1]] = guide }, excelType: ExcelType.XLSX);
        filled.Position = 0;
        return filled;
    }
}
