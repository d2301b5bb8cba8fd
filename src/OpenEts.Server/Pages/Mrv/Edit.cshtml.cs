using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Files;
using OpenEts.Application.Forms;
using OpenEts.Application.Mrv;
using OpenEts.Application.Mrv.Files;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Mrv;

/// <summary>
/// A company fills in its report for a year: emission sources and production outputs, recomputed on every save (and,
/// with JavaScript, as lines change, through the calc API). It may instead upload the filled sector template (.xlsx or
/// .csv); errors name the sheet, row and column. Submitting saves and then submits; refusals are shown next to their
/// line or at the top.
/// </summary>
[Authorize(Roles = Access.MrvCompany)]
// The form is read whole up to TabularLimits.MaxUploadRequestBytes, so that a file over the file limit reaches the upload
// handler and is refused on this page in its language (the reader's FileTooLarge), not with a bare 400 from the form reader.
[RequestSizeLimit(TabularLimits.MaxUploadRequestBytes)]
public sealed class EditModel(MrvCommandHandler handler, MrvQueries queries) : MrvPageModel(handler)
{
    /// <summary>Blank line rows shown under the report's lines, so that a browser without JavaScript can add lines.</summary>
    public const int BlankLines = 3;

    [BindProperty]
    public ReportInputRows Input { get; set; } = new();

    public ReportDetail? Detail { get; private set; }

    public Organisation? Company { get; private set; }

    /// <summary>An uploaded file's errors (sheet, row, column, rule), when it had any.</summary>
    public IReadOnlyList<ReportFileError> FileErrors { get; private set; } = [];

    public int MoreFileErrors { get; private set; }

    public string? Done { get; private set; }

    /// <summary>The factor library's fuel and material codes, for the material field's suggestions (corrections change values, never codes).</summary>
    public static IReadOnlyList<string> Materials =>
        [.. MrvReview.CurrentLibrary.Fuels.Keys.Order(StringComparer.Ordinal), .. MrvReview.CurrentLibrary.Carbonates.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// The calculator's rules in the page's language, as JSON, for the live recompute's messages next to each line
    /// (the calc API's issue messages are English).
    /// </summary>
    public static string RuleTexts => System.Text.Json.JsonSerializer.Serialize(CalculatorRules.ToDictionary(r => r, r => RuleText.Message("", r, "")));

    private static readonly string[] CalculatorRules =
    [
        "DuplicateLine", "NegativeAmount", "TooLarge", "EmissionsTooLarge", "OutsideBoundary", "DuplicateMeasurement", "NegativeMeasurement",
        "BadFraction", "MissingEvidence", "UnknownMaterial", "WrongUnit", "NoGridFactor", "NoHeatFactor", "MissingMeasurement",
        "GridFactorOfAnotherYear", "MeasurementNotApplicable",
    ];

    // True when Detail's calculation is of the lines the form shows (read from it, or just saved from them).
    private bool _findingsCurrent;

    /// <summary>
    /// The calculation's findings on the line in the form's <paramref name="row"/>, every one of them: by the line's position
    /// in the report, so that two lines sharing an id each show their own; by id for a finding that names no position.
    /// None when the form shows lines that were not saved (their findings would be another version's).
    /// </summary>
    public IReadOnlyList<MrvIssue> FindingsOf(int row)
    {
        if (!_findingsCurrent || Detail is null || row >= Input.Lines.Count || Input.Lines[row].Id is not { Length: > 0 } id)
        {
            return [];
        }
        return [.. Detail.Reported.Issues.Where(i => i.LineId is not null
            && (i.LineIndex is { } k ? Input.RowOfLine(k) == row : i.LineId == id))];
    }

    /// <summary>The form's errors on <paramref name="row"/> (its fields as typed), every one of them.</summary>
    public IReadOnlyList<string> RowErrors(int row) =>
        [.. LineFields.Select(f => Err($"lines[{row}].{f}")).OfType<string>().Distinct()];

    private static readonly string[] LineFields = ["id", "kind", "material", "amount", "unit"];

    /// <summary>The address asked for a year the platform takes no report for (?year=3000): named, and no form is offered.</summary>
    public bool YearRefused { get; private set; }

    public bool Editable => !YearRefused && (Detail is null || Detail.Report.Status is ReportStatus.Draft or ReportStatus.Returned);

    public async Task<IActionResult> OnGetAsync([FromQuery] int? year, [FromQuery] string? done, CancellationToken ct)
    {
        Done = done;
        Input.Year = year ?? DateTime.UtcNow.Year - 1;
        // A year in the address that is no number (?year=abc) opened last year's report unsaid: it is named, with the year shown.
        Unbound.Name(Errors, ModelState, field => field == "year" ? Input.Year?.ToString(CultureInfo.InvariantCulture) : null);
        // A year outside the reporting years (?year=3000) would be refused at every save: it is named with its range instead of
        // offering a form to fill in.
        var read = new FieldReader();
        read.ReportingYear(Input.Year);
        FileFields(read.Errors);
        YearRefused = !read.IsValid;
        await LoadAsync(fromStored: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await SaveAsync(ct) is { } saved)
        {
            return Redirect($"/Mrv/Edit?year={saved.Year}&done=saved");
        }
        await LoadAsync(fromStored: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        if (await SaveAsync(ct) is { } saved
            && await SendAsync(SubmitReport.TryParse(new(saved.Id), out var submit, out var errors), submit, errors, ct) is MrvCommandOutcome.Completed)
        {
            return Redirect($"/Mrv/Report/{saved.Id}?done=submitted");
        }
        await LoadAsync(fromStored: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        Company = await queries.OwnCompanyAsync(User.Actor(), ct);
        if (file is null || file.Length == 0)
        {
            Errors[""] = Text.T("mrv.nofile");
        }
        else
        {
            await using var stream = file.OpenReadStream();
            var read = ReportWorkbook.Read(stream, file.FileName, Company?.Sector, Input.Year);
            if (read.Report is { } report)
            {
                if (await SendAsync(true, SaveDraftReport.From(report), [], ct) is MrvCommandOutcome.Completed { Report: { } saved })
                {
                    // Saved as a draft, but a line in error is left out of the total and the draft cannot be submitted: say so,
                    // with each error where the file has it.
                    var check = ReportFileCheck.Of(read, (await queries.FactorsAsync(ct)).Library);
                    if (check.IsValid)
                    {
                        return Redirect($"/Mrv/Edit?year={saved.Year}&done=uploaded");
                    }
                    FileErrors = check.Errors;
                    MoreFileErrors = check.ErrorCount - check.Errors.Count;
                    Errors[""] = Text.T("mrv.uploadedwitherrors", check.ErrorCount);
                    Input.Year = saved.Year;
                }
            }
            else
            {
                var check = ReportFileCheck.Unread(read, (await queries.FactorsAsync(ct)).Library);
                FileErrors = check.Errors;
                MoreFileErrors = check.ErrorCount - check.Errors.Count;
                Errors[""] = Text.T("mrv.fileerrors");
            }
        }
        await LoadAsync(fromStored: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetTemplateAsync([FromQuery] string? lang, CancellationToken ct)
    {
        var company = await queries.OwnCompanyAsync(User.Actor(), ct);
        var sector = company?.Sector is { } s and not Sector.Other ? s : Sector.Cement;
        var buffer = new MemoryStream();
        ReportWorkbook.WriteTemplate(sector, lang == "en" ? "en" : "zh", (await queries.FactorsAsync(ct)).Library, buffer);
        buffer.Position = 0;
        return File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"mrv-template-{sector.ToString().ToLowerInvariant()}.xlsx");
    }

    private async Task<MrvReport?> SaveAsync(CancellationToken ct)
    {
        var parsed = SaveDraftReport.TryParse(Input.ToForm(), out var command, out var errors);
        var saved = await SendAsync(parsed, command, Input.Renamed(errors), ct) is MrvCommandOutcome.Completed { Report: { } report } ? report : null;
        _findingsCurrent = saved is not null;
        return saved;
    }

    private async Task LoadAsync(bool fromStored, CancellationToken ct)
    {
        var actor = User.Actor();
        Company ??= await queries.OwnCompanyAsync(actor, ct);
        Detail = await queries.OwnReportAsync(actor, Input.Year ?? 0, ct);
        if (fromStored && Detail is { } d)
        {
            Input = ReportInputRows.From(d.Report);
        }
        _findingsCurrent |= fromStored;
        Input.Pad(BlankLines);
    }
}
