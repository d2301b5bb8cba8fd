using OpenEts.Application.Files;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Organisations;

/// <summary>
/// The covered-entity list template: columns 统一社会信用代码, 企业名称, 行业, 地区, 状态, 所属碳市场 (English headers code, name,
/// sector, region, status, jurisdiction are accepted too), in any order. Header problems are reported before any row is
/// looked at. The market column is optional (files made before it existed still import): a blank cell leaves an existing
/// organisation's market as it is and gives a new one none; <c>none</c>/<c>无</c> clears it.
/// </summary>
public sealed class OrganisationSheet
{
    private static readonly HeaderColumn[] Columns =
    [
        new("code", ["统一社会信用代码", "信用代码", "code", "credit_code", "creditcode"]),
        new("name", ["企业名称", "名称", "name"]),
        new("sector", ["行业", "sector"]),
        new("region", ["地区", "所在地区", "region"]),
        new("status", ["状态", "纳入状态", "status"], Required: false),
        new("jurisdiction", ["所属碳市场", "碳市场", "jurisdiction", "market"], Required: false),
    ];

    private readonly HeaderMap? _map;

    private OrganisationSheet(HeaderMap? map, IReadOnlyList<(int Row, OrganisationDraft Draft)> rows,
        IReadOnlyList<RowError> errors)
    {
        _map = map;
        Rows = rows;
        Errors = errors;
    }

    /// <summary>The header row of the template, in Chinese, for export and the downloadable template.</summary>
    public static IReadOnlyList<string> TemplateHeader { get; } = ["统一社会信用代码", "企业名称", "行业", "地区", "状态", "所属碳市场"];

    public IReadOnlyList<(int Row, OrganisationDraft Draft)> Rows { get; }

    /// <summary>File-level errors (unreadable file, missing columns).</summary>
    public IReadOnlyList<RowError> Errors { get; }

    public string ColumnOf(string field) => _map?.ColumnOf(field) ?? "";

    /// <summary>Reads the list from an .xlsx or .csv file within <see cref="TabularLimits"/>.</summary>
    public static OrganisationSheet Read(Stream content, string fileName) => From(TabularFile.Read(content, fileName));

    /// <summary>A sheet refused unread because the upload was larger than <see cref="TabularLimits.MaxFileBytes"/>.</summary>
    public static OrganisationSheet TooLarge() => From(TabularFile.TooLarge());

    private static OrganisationSheet From(TabularFile file)
    {
        if (file.Error is { } error)
        {
            return new OrganisationSheet(null, [], [new RowError(file.ErrorRow, file.ErrorColumnLetter, "file", file.ErrorRule, error) { Figures = file.ErrorFigures }]);
        }
        var map = HeaderMap.Find(file.Header, Columns);
        if (map.Missing.Count > 0)
        {
            return new OrganisationSheet(map, [], [.. map.Missing.Select(c => new RowError(1, "", c.Field, "MissingColumn",
                HeaderMap.MissingMessage(c)))]);
        }
        var rows = file.Rows
            .Select(r => (r.Row, new OrganisationDraft(map.Cell(r.Cells, "code"), map.Cell(r.Cells, "name"),
                map.Cell(r.Cells, "sector"), map.Cell(r.Cells, "region"), map.Cell(r.Cells, "status"),
                Jurisdiction: map.Cell(r.Cells, "jurisdiction"))))
            .ToList();
        return new OrganisationSheet(map, rows, []);
    }

    /// <summary>Writes organisations in the template's layout as .xlsx.</summary>
    public static void WriteXlsx(Stream output, IEnumerable<Organisation> organisations) =>
        TabularWriter.WriteXlsx(output, TemplateHeader, organisations.Select(o => new object?[]
        {
            o.Code.Value, o.Name, DomainNames.Chinese(o.Sector), o.Region, DomainNames.Chinese(o.Status),
            o.Jurisdiction?.Code ?? MarketJurisdiction.NoneWords[1],
        }));
}
