using System.Globalization;
using OpenEts.Application.Files;
using OpenEts.Application.Organisations;

namespace OpenEts.Application.Offsets;

/// <summary>
/// The project workbook for bulk filing (.xlsx or .csv, one project a row, headers in Chinese or English in any order):
/// each row becomes a <see cref="SubmitProject"/> checked as the API checks it. A file with any bad row files nothing;
/// <see cref="Columns"/> is the header of the template.
/// </summary>
public static class ProjectWorkbook
{
    /// <summary>The columns: field, Chinese and English headers, required or not.</summary>
    public static IReadOnlyList<HeaderColumn> Columns { get; } =
    [
        new("programme", ["机制", "programme"]),
        new("code", ["项目编号", "code"], Required: false),
        new("account", ["签发账户", "account"]),
        new("title", ["项目名称", "title"]),
        new("methodology", ["方法学", "methodology"]),
        new("sectoralScope", ["专业领域", "sectoral scope"], Required: false),
        new("category", ["项目类别", "category"]),
        new("province", ["省份", "province"]),
        new("city", ["城市", "city"]),
        new("county", ["县区", "county"], Required: false),
        new("latitude", ["纬度", "latitude"], Required: false),
        new("longitude", ["经度", "longitude"], Required: false),
        new("boundary", ["项目边界", "boundary"], Required: false),
        new("creditingStart", ["计入期开始", "crediting start"]),
        new("creditingEnd", ["计入期结束", "crediting end"]),
        new("expectedPerYear", ["年预计减排量", "expected per year"]),
        new("gasSharePercent", ["CO2与CH4占比", "gas share percent"]),
        new("preCdm", ["pre-CDM", "pre cdm"], Required: false),
        new("designatedArea", ["指定地区", "designated area"], Required: false),
    ];

    /// <summary>Reads a workbook: the commands by row, or every bad cell (and then no command).</summary>
    public static (IReadOnlyList<(int Row, SubmitProject Command)> Projects, IReadOnlyList<RowError> Errors) Read(Stream content, string fileName)
    {
        var file = TabularFile.Read(content, fileName);
        if (file.Error is { } error)
        {
            return ([], [new RowError(file.ErrorRow, file.ErrorColumnLetter, "file", file.ErrorRule, error) { Figures = file.ErrorFigures }]);
        }
        var map = HeaderMap.Find(file.Header, Columns);
        if (map.Missing.Count > 0)
        {
            return ([], [.. map.Missing.Select(c => new RowError(1, "", c.Field, "MissingColumn", HeaderMap.MissingMessage(c)))]);
        }
        var projects = new List<(int, SubmitProject)>();
        var errors = new List<RowError>();
        foreach (var (row, cells) in file.Rows)
        {
            string? Cell(string field) => map.Cell(cells, field) is { } c && c.Trim().Length > 0 ? c.Trim() : null;
            decimal? Number(string field)
            {
                if (Cell(field) is not { } text)
                {
                    return null;
                }
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }
                errors.Add(new RowError(row, map.ColumnOf(field), field, "Number", $"{field}: '{text}' is not a number"));
                return null;
            }
            bool? Flag(string field) => Cell(field) is { } text
                ? text is "1" or "是" || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase)
                : null;
            var expected = Number("expectedPerYear");
            var form = new SubmitProject.Form(Cell("programme"), Cell("code"), Cell("account"), Cell("title"), Cell("methodology"),
                Cell("sectoralScope"), Cell("category"), Cell("province"), Cell("city"), Cell("county"), Number("latitude"), Number("longitude"),
                Cell("boundary"), Cell("creditingStart"), Cell("creditingEnd"),
                expected is { } e && decimal.Truncate(e) == e && e <= long.MaxValue ? (long)e : null, Flag("preCdm"), Number("gasSharePercent"),
                Flag("designatedArea"));
            if (SubmitProject.TryParse(form, out var command, out var fieldErrors))
            {
                projects.Add((row, command));
            }
            errors.AddRange(fieldErrors.Select(f => new RowError(row, map.ColumnOf(f.Field), f.Field, f.Rule, f.Message)));
        }
        return errors.Count > 0 ? ([], errors) : (projects, []);
    }

    /// <summary>Writes the template: the header row (Chinese) and one example row.</summary>
    public static void WriteTemplate(Stream output) => TabularWriter.WriteXlsx(output, [.. Columns.Select(c => c.Names[0])],
    [
        ["FFCER", "", "GD-HOLD-PAPER", "示例林场森林经营碳汇项目", "AR-CM-003-V01", "14 造林和再造林", "forestry", "FJ", "南平市", "顺昌县",
            26.79m, 117.81m, "26.82,117.77; 26.82,117.85; 26.77,117.86; 26.76,117.78", "2018-01-01", "2037-12-31", 10000, 100, "否", "否"],
    ]);
}
