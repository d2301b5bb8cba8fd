using OpenEts.Application.Files;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv.Files;

/// <summary>
/// A report file read and computed in one step (<c>ets mrv calc</c>, uploads): the file's errors and the calculator's
/// errors placed at their sheet, row and column, and the plausibility warnings. <see cref="Calculation"/> is null when
/// the file could not be read.
/// </summary>
public sealed record ReportFileCheck(
    ReportInput? Report, ReportCalculation? Calculation, IReadOnlyList<ReportFileError> Errors, int ErrorCount,
    IReadOnlyList<MrvIssue> Warnings)
{
    /// <summary>True when neither the file nor the calculation has an error (warnings are allowed).</summary>
    public bool IsValid => ErrorCount == 0;

    /// <summary>
    /// Reads <paramref name="content"/> as <see cref="ReportWorkbook.Read(byte[], string, Sector?, int?)"/> does, computes it with
    /// <paramref name="library"/> and checks its plausibility against <paramref name="lastYearTotal"/> (null: none).
    /// </summary>
    public static ReportFileCheck Run(byte[] content, string fileName, FactorLibrary library, Sector? sector = null, int? year = null,
        decimal? lastYearTotal = null, PlausibilityRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(library);
        return Of(ReportWorkbook.Read(content, fileName, sector, year), library, lastYearTotal, rules);
    }

    /// <summary>A file already read, computed and checked as <see cref="Run"/> does (an upload saved as a draft names its errors).</summary>
    public static ReportFileCheck Of(ReportFileResult file, FactorLibrary library, decimal? lastYearTotal = null, PlausibilityRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(library);
        if (file.Report is not { } report)
        {
            return Unread(file, library);
        }
        var calculation = MrvCalculator.Calculate(report, library);
        var errors = calculation.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(file.Locate).ToList();
        var warnings = calculation.Issues.Where(i => i.Severity == IssueSeverity.Warning)
            .Concat(MrvPlausibility.Check(report, calculation, lastYearTotal, rules ?? PlausibilityRules.Default))
            .ToList();
        return new ReportFileCheck(report, calculation, errors, errors.Count, warnings);
    }

    /// <summary>
    /// A file that did not read whole: its errors and the calculator's errors on the lines that did read (a negative
    /// amount, an unknown fuel), in row order, so that one upload names every error it can find.
    /// </summary>
    public static ReportFileCheck Unread(ReportFileResult file, FactorLibrary library)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(library);
        if (file.Partial is not { } partial)
        {
            return new ReportFileCheck(null, null, file.Errors, file.ErrorCount, []);
        }
        var found = MrvCalculator.Calculate(partial, library).Issues.Where(i => i.Severity == IssueSeverity.Error).Select(file.Locate).ToList();
        var errors = file.Errors.Concat(found).OrderBy(e => e.Row).ToList();
        var listed = errors.Count > TabularLimits.MaxErrorsListed ? [.. errors.Take(TabularLimits.MaxErrorsListed)] : errors;
        return new ReportFileCheck(null, null, listed, file.ErrorCount + found.Count, []);
    }
}
