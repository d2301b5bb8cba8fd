using OpenEts.Application.Files;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Organisations;

/// <summary>
/// The covered-entity list template: columns 统一社会信用代码, 企业名称, 行业, 地区, 状态 (English headers code, name, sector,
/// region, status are accepted too), in any order. Header problems are reported before any row is looked at.
/// </summary>
public sealed class OrganisationSheet
{
    private static readonly (string Field, string[] Names, bool Required)[] Columns =
    [
        ("code", ["统一社会信用代码", "信用代码", "code", "credit_code", "creditcode"], true),
        ("name", ["企业名称", "名称", "name"], true),
        ("sector", ["行业", "sector"], true),
        ("region", ["地区", "所在地区", "region"], true),
        ("status", ["状态", "纳入状态", "status"], false),
    ];

    private readonly Dictionary<string, int> _index;

    private OrganisationSheet(Dictionary<string, int> index, IReadOnlyList<(int Row, OrganisationDraft Draft)> rows,
        IReadOnlyList<RowError> errors)
    {
        _index = index;
        Rows = rows;
        Errors = errors;
    }

    /// <summary>The header row of the template, in Chinese, for export and the downloadable template.</summary>
    public static IReadOnlyList<string> TemplateHeader { get; } = ["统一社会信用代码", "企业名称", "行业", "地区", "状态"];

    public IReadOnlyList<(int Row, OrganisationDraft Draft)> Rows { get; }

    /// <summary>File-level errors (unreadable file, missing columns).</summary>
    public IReadOnlyList<RowError> Errors { get; }

    public string ColumnOf(string field) =>
        _index.TryGetValue(field, out var i) ? TabularFile.ColumnLetter(i) : "";

    public static OrganisationSheet Read(Stream content, string fileName)
    {
        var file = TabularFile.Read(content, fileName);
        if (file.Error is { } error)
        {
            return new OrganisationSheet([], [], [new RowError(0, "", "file", "Unreadable", error)]);
        }
        var index = new Dictionary<string, int>();
        var errors = new List<RowError>();
        foreach (var (field, names, required) in Columns)
        {
            var at = -1;
            for (var i = 0; i < file.Header.Count && at < 0; i++)
            {
                if (names.Contains(file.Header[i], StringComparer.OrdinalIgnoreCase))
                {
                    at = i;
                }
            }
            if (at >= 0)
            {
                index[field] = at;
            }
            else if (required)
            {
                errors.Add(new RowError(1, "", field, "MissingColumn",
                    $"the header row has no column '{names[0]}' (or '{names[^1]}')"));
            }
        }
        if (errors.Count > 0)
        {
            return new OrganisationSheet(index, [], errors);
        }
        string? Cell(string[] cells, string field) =>
            index.TryGetValue(field, out var i) && i < cells.Length ? cells[i] : null;
        var rows = file.Rows
            .Select(r => (r.Row, new OrganisationDraft(Cell(r.Cells, "code"), Cell(r.Cells, "name"),
                Cell(r.Cells, "sector"), Cell(r.Cells, "region"), Cell(r.Cells, "status"))))
            .ToList();
        return new OrganisationSheet(index, rows, []);
    }

    /// <summary>Writes organisations in the template's layout as .xlsx.</summary>
    public static void WriteXlsx(Stream output, IEnumerable<Organisation> organisations)
    {
        var rows = organisations.Select(o => new Dictionary<string, object>
        {
            [TemplateHeader[0]] = o.Code.Value,
            [TemplateHeader[1]] = o.Name,
            [TemplateHeader[2]] = DomainNames.Chinese(o.Sector),
            [TemplateHeader[3]] = o.Region,
            [TemplateHeader[4]] = DomainNames.Chinese(o.Status),
        }).ToList();
        if (rows.Count == 0)
        {
            rows.Add(TemplateHeader.ToDictionary(h => h, _ => (object)""));
        }
        MiniExcelLibs.MiniExcel.SaveAs(output, rows, excelType: MiniExcelLibs.ExcelType.XLSX);
    }
}
