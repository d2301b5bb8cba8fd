using System.Globalization;
using MiniExcelLibs;
using OpenEts.Application.Files;
using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Application.Exchange.MarketData;

/// <summary>
/// The published-statistics template (市场累计成交统计): one row per market and date, with columns 市场, 产品, 截止日期,
/// 累计成交量(吨), 累计成交金额(万元), 平均价(元/吨), 来源 (English headers market, product, asOf, volume, turnover,
/// average, source are accepted too), in any order. 产品, 平均价 and 来源 may be left empty. The first sheet is read; a
/// sheet with headers and no data rows (the template as downloaded) reads as no rows and no errors, and loads nothing.
/// </summary>
public sealed class StatisticsSheet
{
    /// <summary>The Chinese headers of the template, in order, for the template and the export.</summary>
    public static IReadOnlyList<string> TemplateHeader { get; } =
        ["市场", "产品", "截止日期", "累计成交量(吨)", "累计成交金额(万元)", "平均价(元/吨)", "来源"];

    /// <summary>The headers the export adds after the template's: the computed average and the consistency flags.</summary>
    public static IReadOnlyList<string> ExportExtraHeader { get; } = ["计算均价(元/吨)", "一致性"];

    private static readonly HeaderColumn[] Columns =
    [
        new("market", ["市场", "试点地区", "地区", "market"]),
        new("product", ["产品", "品种", "product"], Required: false),
        new("asOf", ["截止日期", "日期", "asOf", "as_of", "date"]),
        new("volume", ["累计成交量(吨)", "累计成交量 (吨)", "累计成交量", "volume"]),
        new("turnover", ["累计成交金额(万元)", "累计成交金额 (万元)", "累计成交金额", "turnover"]),
        new("average", ["平均价(元/吨)", "平均价 (元/吨)", "平均价", "average"], Required: false),
        new("source", ["来源", "source"], Required: false),
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy年M月d日", "MM/dd/yyyy HH:mm:ss"];

    private StatisticsSheet(string sheet, IReadOnlyList<(int Row, MarketStatistic Statistic)> rows, IReadOnlyList<StatisticsFileError> errors)
    {
        Sheet = sheet;
        Rows = rows;
        Errors = errors;
    }

    /// <summary>The sheet's name as errors name it (the workbook's first sheet, or the CSV file's name).</summary>
    public string Sheet { get; }

    /// <summary>The rows read, each with its Excel row number; empty when there are <see cref="Errors"/>.</summary>
    public IReadOnlyList<(int Row, MarketStatistic Statistic)> Rows { get; }

    /// <summary>Every problem found: unreadable file, missing columns, bad cells, repeated rows.</summary>
    public IReadOnlyList<StatisticsFileError> Errors { get; }

    /// <summary>A sheet refused unread because the upload was larger than <see cref="TabularLimits.MaxFileBytes"/>.</summary>
    public static StatisticsSheet TooLarge() => new("", [], [FileError("", TabularFile.TooLarge())]);

    /// <summary>Reads the statistics from an .xlsx or .csv file within <see cref="TabularLimits"/>.</summary>
    public static StatisticsSheet Read(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var sheet = SheetName(content, fileName);
        var file = TabularFile.Read(content, fileName);
        if (file.Error is not null)
        {
            return new StatisticsSheet(sheet, [], [FileError(sheet, file)]);
        }
        var map = HeaderMap.Find(file.Header, Columns);
        if (map.Missing.Count > 0)
        {
            return new StatisticsSheet(sheet, [], [.. map.Missing.Select(c =>
                new StatisticsFileError(sheet, 1, "", c.Names[0], "MissingColumn", HeaderMap.MissingMessage(c)))]);
        }
        var errors = new List<StatisticsFileError>();
        var rows = new List<(int, MarketStatistic)>();
        var seen = new Dictionary<(string, string, DateOnly), int>();
        foreach (var (row, cells) in file.Rows)
        {
            var cell = new CellReader(sheet, row, map, cells, errors);
            var market = cell.Text("market", required: true, 32);
            var product = cell.Text("product", required: false, 32);
            var asOf = cell.Date("asOf");
            var volume = cell.Number("volume", decimals: 0, required: true);
            var turnover = cell.Number("turnover", decimals: 6, required: true);
            var average = cell.Number("average", decimals: 2, required: false);
            var source = cell.Text("source", required: false, 200);
            if (!cell.Ok)
            {
                continue;
            }
            if (seen.TryGetValue((market, product, asOf), out var first))
            {
                errors.Add(new StatisticsFileError(sheet, row, map.ColumnOf("asOf"), map.HeaderOf("asOf"), "Duplicate",
                    string.Create(CultureInfo.InvariantCulture, $"{market} {product} at {asOf:yyyy-MM-dd} already appears in row {first}")));
                continue;
            }
            seen[(market, product, asOf)] = row;
            rows.Add((row, new MarketStatistic(market, product, asOf, (long)volume!.Value, turnover!.Value, average, source)));
        }
        return errors.Count > 0 ? new StatisticsSheet(sheet, [], errors) : new StatisticsSheet(sheet, rows, []);
    }

    /// <summary>
    /// Writes statistics in the template's layout as .xlsx, followed by the computed average and the consistency
    /// flags (rule codes, empty when consistent). With no rows it is the downloadable template.
    /// </summary>
    public static void WriteXlsx(Stream output, IEnumerable<CheckedStatistic> rows) =>
        TabularWriter.WriteXlsx(output, [.. TemplateHeader, .. ExportExtraHeader], rows.Select(r => new object?[]
        {
            r.Statistic.Market, r.Statistic.Product, r.Statistic.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.Statistic.VolumeTonnes, r.Statistic.Turnover10kYuan, r.Statistic.AveragePrice, r.Statistic.Source,
            r.Statistic.ComputedAverage, string.Join(", ", r.Issues.Select(i => i.Rule.ToString())),
        }));

    /// <summary>The template's columns as its instructions sheet explains them (docs/market-data.md, "Published statistics").</summary>
    public static IReadOnlyList<TemplateColumn> TemplateColumns { get; } =
    [
        new("市场", "—", true, "文字，至多 32 字：试点地区或全国市场，如 深圳、湖北、全国", "本平台导入规则", "深圳"),
        new("产品", "—", false, "文字，至多 32 字；空 = 该市场全部产品", "本平台导入规则", "SZEA"),
        new("截止日期", "日期", true, "yyyy-MM-dd（也接受 yyyy/M/d、yyyy年M月d日）；同一市场、产品和日期只能出现一次", "本平台导入规则", "2017-07-19"),
        new("累计成交量(吨)", "吨", true, "0 至 10¹² 的整数", "本平台导入规则；以公布口径为准", 20_623_286),
        new("累计成交金额(万元)", "万元", true, "0 至 10¹²，至多 6 位小数", "本平台导入规则；以公布口径为准", 65_952.04m),
        new("平均价(元/吨)", "元/吨", false, "0 至 10¹²，至多 2 位小数；空 = 由累计成交金额 ÷ 累计成交量计算；与计算值不符时导入后标出", "本平台导入规则（一致性检查）", 31.98m),
        new("来源", "—", false, "文字，至多 200 字：公布该数字的网址或文件", "本平台导入规则", "深圳排放权交易所 2017 年 7 月公告"),
    ];

    /// <summary>
    /// Writes the template: the data sheet with the headers only (an untouched template loads nothing), and the
    /// instructions sheet (填写说明) naming each column's unit, whether it is required, its range and an example.
    /// </summary>
    public static void WriteTemplate(Stream output) => TabularWriter.WriteTemplate(output, "统计数据", TemplateColumns);

    private static StatisticsFileError FileError(string sheet, TabularFile file) => new(sheet, file.ErrorRow, file.ErrorColumnLetter, file.ErrorHeader, file.ErrorRule, file.Error!);

    // The first worksheet's name for an .xlsx (errors name it as Excel shows it), the file's name for a CSV.
    private static string SheetName(Stream content, string fileName)
    {
        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || !content.CanSeek)
        {
            return Path.GetFileName(fileName);
        }
        var start = content.Position;
        try
        {
            return MiniExcel.GetSheetNames(content).FirstOrDefault() ?? "Sheet1";
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException
                                      or System.Xml.XmlException or NotSupportedException or ArgumentException)
        {
            return Path.GetFileName(fileName);
        }
        finally
        {
            content.Position = start;
        }
    }

    private sealed class CellReader(string sheet, int row, HeaderMap map, IReadOnlyList<string> cells, List<StatisticsFileError> errors)
    {
        public bool Ok { get; private set; } = true;

        public string Text(string field, bool required, int maxLength)
        {
            var text = map.Cell(cells, field)?.Trim() ?? "";
            if (required && text.Length == 0)
            {
                Fail(field, "Required", $"{map.HeaderOf(field)} is required");
            }
            else if (text.Length > maxLength)
            {
                Fail(field, "Length", string.Create(CultureInfo.InvariantCulture, $"at most {maxLength} characters (was {text.Length})"));
            }
            return text;
        }

        public DateOnly Date(string field)
        {
            var text = map.Cell(cells, field)?.Trim() ?? "";
            // Excel hands a date cell over as a date and time (invariant: MM/dd/yyyy HH:mm:ss); a typed one is yyyy-MM-dd.
            if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                && at.TimeOfDay == TimeSpan.Zero)
            {
                return DateOnly.FromDateTime(at);
            }
            if (text.Length == 0)
            {
                Fail(field, "Required", $"{map.HeaderOf(field)} is required");
            }
            else
            {
                Fail(field, "Date", $"'{text}' is not a date as yyyy-MM-dd", map.HeaderOf(field), text);
            }
            return default;
        }

        public decimal? Number(string field, int decimals, bool required)
        {
            var text = (map.Cell(cells, field) ?? "").Trim().Replace(",", "", StringComparison.Ordinal);
            if (text.Length == 0)
            {
                if (required)
                {
                    Fail(field, "Required", $"{map.HeaderOf(field)} is required");
                }
                return null;
            }
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent,
                    CultureInfo.InvariantCulture, out var value))
            {
                Fail(field, "Number", $"'{text}' is not a number", text);
                return null;
            }
            if (value < 0 || value > 1_000_000_000_000m)
            {
                Fail(field, "Range", string.Create(CultureInfo.InvariantCulture, $"{value} must be between 0 and 10¹²"), Invariant(value), "0",
                    Invariant(1_000_000_000_000m));
                return null;
            }
            if (decimal.Round(value, decimals) != value)
            {
                Fail(field, "Precision", string.Create(CultureInfo.InvariantCulture, $"{value} has more than {decimals} decimals"), Invariant(value),
                    Invariant(decimals));
                return null;
            }
            return value;
        }

        private void Fail(string field, string rule, string message, params string[] figures)
        {
            Ok = false;
            errors.Add(new StatisticsFileError(sheet, row, map.ColumnOf(field), map.HeaderOf(field), rule, message) { Figures = figures });
        }

        private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
