using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Mrv;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Mrv;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Mrv;

/// <summary>
/// The factor library in force (缺省值): every fuel, grid and heat factor with its source and flag, and the corrections
/// published so far. The regulator and the auditor preview a correction — the reports it would move and by how much —
/// and the regulator publishes it as a new version.
/// </summary>
[Authorize(Roles = Access.MrvReaders)]
public sealed class FactorsModel(MrvCommandHandler handler, MrvQueries queries) : MrvPageModel(handler)
{
    public FactorLibrary Library { get; private set; } = DefaultFactors.Library;

    public IReadOnlyList<PublishedFactors> Published { get; private set; } = [];

    /// <summary>The preview's rows, once asked for (null before).</summary>
    public IReadOnlyList<CorrectionImpact>? Impact { get; private set; }

    [BindProperty]
    public CorrectionRow Correction { get; set; } = new();

    public string? Done { get; private set; }

    public Role Role => User.Actor().Role;

    public bool MayPreview => Role is Role.Regulator or Role.Auditor;

    public async Task OnGetAsync([FromQuery] string? done, CancellationToken ct)
    {
        Done = done;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (await queries.PreviewCorrectionAsync(User.Actor(), Correction.Form(), ct) is not { } preview)
        {
            return Forbid();
        }
        foreach (var e in preview.Errors)
        {
            Errors.TryAdd(e.Field, Localization.RuleText.Field(e));
        }
        Impact = preview.Errors.Count == 0 ? preview.Rows : null;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        var parsed = PublishFactorCorrection.TryParse(Correction.Form(), out var command, out var errors);
        if (await SendAsync(parsed, command, errors, ct) is MrvCommandOutcome.Completed)
        {
            return Redirect("/Mrv/Factors?done=published");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => (Library, Published) = await queries.FactorsAsync(ct);

    /// <summary>The correction as typed on the page.</summary>
    public sealed class CorrectionRow
    {
        public string? Version { get; set; }

        public string? Notes { get; set; }

        public string? Kind { get; set; } = nameof(FactorCorrectionKind.GridFactor);

        public string? Target { get; set; }

        public int? Year { get; set; }

        public decimal? Value { get; set; }

        public string? Source { get; set; }

        public PublishFactorCorrection.Form Form() => new(Version, Notes, Kind, Target, Year, Value, Source);
    }
}
