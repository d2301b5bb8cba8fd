using OpenEts.Application.Files;
using OpenEts.Application.Organisations;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// Reads a statistics workbook (.xlsx or .csv): columns 地区代码 (region), 年份 (year), 月份 (month), 月数 (months, 1 or 3;
/// optional, 1), 能源消费量（吨标准煤） (energyTce), 地区生产总值（万元） (outputWanYuan), Chinese or English headers.
/// </summary>
public static class StatisticsSheet
{
    public static IReadOnlyList<string> TemplateHeader { get; } = ["地区代码", "年份", "月份", "月数", "能源消费量（吨标准煤）", "地区生产总值（万元）"];

    private static readonly HeaderColumn[] Columns =
    [
        new("region", ["地区代码", "地区", "region"]),
        new("year", ["年份", "年", "year"]),
        new("month", ["月份", "月", "month"]),
        new("months", ["月数", "months"], Required: false),
        new("energyTce", ["能源消费量（吨标准煤）", "能源消费量(吨标准煤)", "能源消费量", "energyTce"]),
        new("outputWanYuan", ["地区生产总值（万元）", "地区生产总值(万元)", "地区生产总值", "增加值（万元）", "outputWanYuan"]),
    ];

    /// <summary>The template's columns as its instructions sheet explains them (docs/dual-control.md).</summary>
    public static IReadOnlyList<TemplateColumn> TemplateColumns { get; } =
    [
        new("地区代码", "—", true, "已通过的目标分解方案中的地区代码：1–40 位 A–Z、0–9 和 -，如 GD-GZ", "目标分解方案（/Energy/Targets）；本平台代码规则", "GD-GZ"),
        new("年份", "年", true, "2000–2100 的整数", "本平台导入规则", 2025),
        new("月份", "月", true, "1–12；按季度填报时为季度首月 1、4、7 或 10", "本平台导入规则（月度或季度统计）", 1),
        new("月数", "个月", false, "1（月度，空即为 1）或 3（季度）", "本平台导入规则（月度或季度统计）", 1),
        new("能源消费量（吨标准煤）", "吨标准煤（tce）", true, "≥ 0，至多 3 位小数（精确到 1 千克标准煤）", "GB/T 2589 综合能耗计算通则（折标准煤）；本平台精度规则", 1_523_400.5m),
        new("地区生产总值（万元）", "万元", true, "≥ 0，至多 4 位小数（精确到 1 元）", "地区统计部门公布口径；本平台精度规则", 2_850_000m),
    ];

    /// <summary>
    /// Writes the template: the data sheet with the headers only (an untouched template loads nothing), and the
    /// instructions sheet (填写说明) naming each column's unit, whether it is required, its range and an example.
    /// </summary>
    public static void WriteTemplate(Stream output) => TabularWriter.WriteTemplate(output, "地区能源统计", TemplateColumns);

    /// <summary>
    /// The command for the sheet's rows, carrying the errors of every bad row (<see cref="RecordStatistics.ReadErrors"/>,
    /// refused with the plan check's when it runs), or the file's own errors (unreadable, a column missing); neither (null
    /// and no errors) for a sheet with headers and no data rows, such as the template as downloaded: nothing to load.
    /// </summary>
    public static (RecordStatistics? Command, IReadOnlyList<RowError> Errors) Read(Stream content, string fileName)
    {
        var file = TabularFile.Read(content, fileName);
        if (file.Error is { } error)
        {
            return (null, [new RowError(file.ErrorRow, file.ErrorColumnLetter, "file", file.ErrorRule, error) { Figures = file.ErrorFigures }]);
        }
        var map = HeaderMap.Find(file.Header, Columns);
        if (map.Missing.Count > 0)
        {
            // Named by the template's header (the field's key means nothing to the clerk), with the names the sheet accepts.
            return (null, [.. map.Missing.Select(c => new RowError(1, "", c.Field, "MissingColumn", HeaderMap.MissingMessage(c))
            {
                Header = c.Names[0],
                Figures = Domain.Text.Figures.Of(HeaderMap.MissingSentence(c)),
            })]);
        }
        if (file.Rows.Count == 0)
        {
            return (null, []);
        }
        var rows = new List<StatisticsRow>();
        var numbers = new List<int>();
        var errors = new List<RowError>();
        foreach (var (row, cells) in file.Rows)
        {
            int? Int(string field)
            {
                var text = map.Cell(cells, field)?.Trim();
                if (string.IsNullOrEmpty(text))
                {
                    return null;
                }
                if (decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)
                    && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue)
                {
                    return (int)d;
                }
                errors.Add(NotANumber(row, field, text, "a whole number"));
                return null;
            }
            decimal? Dec(string field)
            {
                var text = map.Cell(cells, field)?.Trim().Replace(",", "", StringComparison.Ordinal);
                if (string.IsNullOrEmpty(text))
                {
                    return null;
                }
                if (decimal.TryParse(text, System.Globalization.NumberStyles.Number | System.Globalization.NumberStyles.AllowExponent,
                        System.Globalization.CultureInfo.InvariantCulture, out var d))
                {
                    return d;
                }
                errors.Add(NotANumber(row, field, text, "a number"));
                return null;
            }
            rows.Add(new StatisticsRow(map.Cell(cells, "region"), Int("year"), Int("month"), Int("months") ?? 1, Dec("energyTce"), Dec("outputWanYuan")));
            numbers.Add(row);
        }
        // Every row's every error in one answer: the cells that are no numbers, the rules, and (when the command runs) the
        // regions no plan names, each named by its column as the file heads it.
        var columns = Columns.Where(c => map.ColumnOf(c.Field).Length > 0)
            .ToDictionary(c => c.Field, c => (map.ColumnOf(c.Field), map.HeaderOf(c.Field)));
        return RecordStatistics.Read(rows, out var refused, numbers, errors) is { } command
            ? (command.In(columns), [])
            : (null, [.. refused]);

        RowError NotANumber(int row, string field, string text, string what)
        {
            FormattableString message = $"'{text}' is not {what}";
            return new RowError(row, map.ColumnOf(field), field, "Number", $"{map.HeaderOf(field)}: {Domain.Text.Figures.Sentence(message)}")
            {
                Figures = Domain.Text.Figures.Of(message),
            };
        }
    }

    /// <summary>Writes statistics in the template's layout.</summary>
    public static void WriteXlsx(Stream output, IEnumerable<EnergyStatistic> statistics) =>
        TabularWriter.WriteXlsx(output, TemplateHeader, statistics.Select(s => new object?[]
        {
            s.Region.Value, s.Year, s.FirstMonth, s.Months, s.Energy.Value, s.Output.WanYuan,
        }));
}
