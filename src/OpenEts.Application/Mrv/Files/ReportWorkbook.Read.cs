using System.Globalization;
using OpenEts.Application.Files;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv.Files;

public static partial class ReportWorkbook
{
    /// <summary>
    /// Reads a filled template (.xlsx: its sheet named 报告 or Report, else its first sheet) or a CSV file with the same columns within
    /// <see cref="TabularLimits"/>. <paramref name="sector"/> and <paramref name="year"/>, when given, are what the
    /// report must be for: a file without a 行业 or 报告年度 row takes them, a file that names another is an error. Rows
    /// whose 数量 is blank are sources the company does not have (templates list every source a sector may have) and are
    /// skipped. Errors name the sheet, row, column and rule; the report is null when there is any.
    /// </summary>
    public static ReportFileResult Read(Stream content, string fileName, Sector? sector = null, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var csv = fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        var file = TabularFile.Read(content, fileName, [DataSheetZh, DataSheetEn]);
        var sheet = csv ? Path.GetFileName(fileName) : file.SheetName is { Length: > 0 } name ? name : DataSheetZh;
        var errors = new List<ReportFileError>();
        var rowOfLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var columns = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (file.Error is { } unreadable)
        {
            errors.Add(new ReportFileError(sheet, file.ErrorRow, file.ErrorColumnLetter, file.ErrorHeader, file.ErrorRule, unreadable));
            return new ReportFileResult(null, errors, sheet, rowOfLine, columns);
        }
        var map = HeaderMap.Find(file.Header, ReportColumns.All);
        foreach (var column in ReportColumns.All)
        {
            columns[column.Field] = (map.ColumnOf(column.Field), map.HeaderOf(column.Field));
        }
        if (map.Missing.Count > 0)
        {
            errors.AddRange(map.Missing.Select(c => new ReportFileError(sheet, 1, "", c.Names[0], "MissingColumn", HeaderMap.MissingMessage(c))
            {
                Figures = Domain.Text.Figures.Of(HeaderMap.MissingSentence(c)),
            }));
            return new ReportFileResult(null, errors, sheet, rowOfLine, columns);
        }
        var reader = new RowReader(map, sheet, errors);
        var lines = new List<ReportLine>();
        var outputs = new List<ProductionOutput>();
        Sector? fileSector = null;
        int? fileYear = null;
        var (sectorRow, yearRow) = (0, 0);
        string? region = null;
        AccountingMethod? method = null;
        foreach (var (row, cells) in file.Rows)
        {
            reader.Start(row, cells);
            var kindText = reader.Text(ReportColumns.Kind);
            if (kindText.Length == 0)
            {
                reader.Fail(ReportColumns.Kind, "MissingKind", "every row names its kind: a source, an output or a report setting");
            }
            else if (TryParseMeta(kindText, out var meta))
            {
                var value = reader.Text(ReportColumns.Material) is { Length: > 0 } m ? m : reader.Text(ReportColumns.Amount);
                var at = reader.Text(ReportColumns.Material).Length > 0 ? ReportColumns.Material : ReportColumns.Amount;
                switch (meta)
                {
                    case var _ when value.Length == 0:
                        break; // a template's setting left blank: taken from the caller, or the default region
                    case ReportMetaKind.Sector when DomainNames.TryParseSector(value, out var s) && s != Sector.Other:
                        (fileSector, sectorRow) = (s, row);
                        break;
                    case ReportMetaKind.Sector:
                        reader.Fail(at, "UnknownSector", $"'{value}' is not a covered sector; use one of {string.Join(", ", DomainNames.SectorChoices.SkipLast(1))}");
                        break;
                    case ReportMetaKind.Year when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100:
                        (fileYear, yearRow) = (y, row);
                        break;
                    case ReportMetaKind.Year:
                        reader.Fail(at, "BadYear", $"'{value}' is not a reporting year (2000–2100)");
                        break;
                    case ReportMetaKind.Region when GridRegions.IsKnown(value.ToLowerInvariant()):
                        region = value.ToLowerInvariant();
                        break;
                    case ReportMetaKind.Region:
                        reader.Fail(at, "UnknownGridRegion", GridRegions.Unknown("电网区域", value));
                        break;
                    case ReportMetaKind.Method when TryParseMethod(value, out var mt):
                        method = mt;
                        break;
                    default:
                        reader.Fail(at, "UnknownMethod", $"'{value}' is not an accounting method; use sector-guideline or power-facility-2022");
                        break;
                }
            }
            else if (SourceKinds.TryParse(kindText, out var source))
            {
                if (reader.Line(source) is { } line)
                {
                    if (!rowOfLine.TryAdd(line.Id, row))
                    {
                        reader.Fail(ReportColumns.Id, "DuplicateLine", $"line id '{line.Id}' is also used in row {rowOfLine[line.Id]}");
                    }
                    lines.Add(line);
                }
            }
            else if (OutputKinds.TryParse(kindText, out var output))
            {
                if (reader.Output(output) is { } produced)
                {
                    outputs.Add(produced);
                }
            }
            else
            {
                reader.FailOf(ReportColumns.Kind, "UnknownKind",
                    $"'{kindText}' is not a source kind, output or report setting (docs/mrv.md lists them)");
            }
        }
        var finalSector = Reconcile(sector, fileSector, "sector", sheet, errors);
        if (sector is { } given && fileSector is { } named && given != named)
        {
            errors.Add(new ReportFileError(sheet, sectorRow, "", "", "SectorMismatch",
                $"the file's 行业 row says {named}, but the report is for sector {given}")
            {
                Figures = [named.ToString(), given.ToString(), DomainNames.Chinese(named), DomainNames.Chinese(given)],
            });
        }
        var finalYear = Reconcile(year, fileYear, "year", sheet, errors);
        if (year is { } asked && fileYear is { } typed && asked != typed)
        {
            errors.Add(new ReportFileError(sheet, yearRow, "", "", "YearMismatch",
                Domain.Text.Figures.Sentence($"the file's 报告年度 row says {typed}, but the report is for year {asked}"))
            {
                Figures = Domain.Text.Figures.Of($"the file's 报告年度 row says {typed}, but the report is for year {asked}"),
            });
        }
        var report = finalSector is { } sc && finalYear is { } yr
            ? new ReportInput(sc, yr, region ?? DefaultRegion, lines, outputs, method ?? AccountingMethod.SectorGuideline)
            : null;
        return new ReportFileResult(report, errors, sheet, rowOfLine, columns);
    }

    /// <summary>Reads a file from bytes (the server's uploads, the CLI).</summary>
    public static ReportFileResult Read(byte[] content, string fileName, Sector? sector = null, int? year = null)
    {
        using var stream = new MemoryStream(content, writable: false);
        return Read(stream, fileName, sector, year);
    }

    // The value the report is for: the one given, else the file's; null when they differ (the caller names the row) or
    // when there is neither.
    private static T? Reconcile<T>(T? given, T? inFile, string what, string sheet, List<ReportFileError> errors)
        where T : struct
    {
        if (given is { } g && inFile is { } f && !EqualityComparer<T>.Default.Equals(g, f))
        {
            return null;
        }
        if (given is null && inFile is null)
        {
            var rowName = what == "sector" ? "行业" : "报告年度";
            errors.Add(new ReportFileError(sheet, 0, "", "", "Missing" + char.ToUpperInvariant(what[0]) + what[1..],
                $"the file has no {rowName} ({what}) row and none was given"));
        }
        return given ?? inFile;
    }
}
