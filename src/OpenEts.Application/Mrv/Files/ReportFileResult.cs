using OpenEts.Application.Files;
using OpenEts.Domain.Mrv;

namespace OpenEts.Application.Mrv.Files;

/// <summary>
/// What <see cref="ReportWorkbook.Read"/> made of a file: the report (null when the file has errors) and the errors,
/// the first <see cref="TabularLimits.MaxErrorsListed"/> listed and all counted. <see cref="Locate"/> turns a
/// calculator finding on a line back into the sheet, row and column it came from.
/// </summary>
public sealed class ReportFileResult
{
    private readonly IReadOnlyDictionary<string, int> _rowOfLine;
    private readonly IReadOnlyDictionary<string, (string Column, string Header)> _columnOfField;

    internal ReportFileResult(ReportInput? report, IReadOnlyList<ReportFileError> errors, string sheet,
        IReadOnlyDictionary<string, int> rowOfLine, IReadOnlyDictionary<string, (string Column, string Header)> columnOfField)
    {
        Report = errors.Count == 0 ? report : null;
        Partial = report;
        ErrorCount = errors.Count;
        Errors = errors.Count > TabularLimits.MaxErrorsListed ? [.. errors.Take(TabularLimits.MaxErrorsListed)] : errors;
        Sheet = sheet;
        _rowOfLine = rowOfLine;
        _columnOfField = columnOfField;
    }

    /// <summary>The report read, or null when <see cref="Errors"/> is not empty.</summary>
    public ReportInput? Report { get; }

    /// <summary>
    /// The lines and outputs that did read, whatever the file's other errors (null when its sector or year is unknown):
    /// the calculator's findings on them are reported with the file's errors, so that a file is corrected in one pass.
    /// </summary>
    public ReportInput? Partial { get; }

    /// <summary>The first <see cref="TabularLimits.MaxErrorsListed"/> errors.</summary>
    public IReadOnlyList<ReportFileError> Errors { get; }

    /// <summary>How many errors there were in all.</summary>
    public int ErrorCount { get; }

    /// <summary>The name the errors give the sheet read.</summary>
    public string Sheet { get; }

    /// <summary>True when the file was read without errors.</summary>
    public bool IsValid => ErrorCount == 0;

    /// <summary>The sheet row a line came from, or 0 when the line is not from this file.</summary>
    public int RowOf(string lineId) => _rowOfLine.GetValueOrDefault(lineId);

    /// <summary>A calculator finding (unknown fuel, wrong unit, negative amount) placed at its sheet, row and column.</summary>
    public ReportFileError Locate(MrvIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var row = issue.LineId is null ? 0 : RowOf(issue.LineId);
        var (column, header) = _columnOfField.GetValueOrDefault(issue.Field, ("", ""));
        return new ReportFileError(Sheet, row, row == 0 ? "" : column, row == 0 ? "" : header, issue.Rule, issue.Message)
        {
            Figures = issue.Figures,
        };
    }
}
