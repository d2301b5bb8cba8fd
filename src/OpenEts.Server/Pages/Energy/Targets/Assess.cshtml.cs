using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Forms;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Energy.Targets;

/// <summary>
/// Assessment scoring (目标责任评价考核): the regulator picks a unit and year, scores each measure area with its evidence;
/// target points, bonus, grade and veto follow from the data and the scheme. The year's assessments with their evidence.
/// </summary>
[Authorize(Roles = Access.AuditReaders)]
public sealed class AssessModel(EnergyTargetsQueries queries, EnergyTargetsCommandHandler handler, TimeProvider clock) : EnergyPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Scheme { get; set; }

    [BindProperty]
    public List<ScoreAssessment.MeasureForm> Measures { get; set; } = [];

    public AssessmentScheme SchemeInUse { get; private set; } = ScoreAssessment.DefaultScheme;

    public IReadOnlyList<TargetUnit> Units { get; private set; } = [];

    public IReadOnlyList<AssessmentRecord> Assessments { get; private set; } = [];

    public AssessmentRecord? Scored { get; private set; }

    /// <summary>
    /// A unit or a scheme in the address that names none (<c>?unit=XX</c>, <c>?scheme=foo</c>), named beside its choice
    /// with the unit or scheme assessed instead.
    /// </summary>
    public AddressErrors Unread { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        ReadAddressYear();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ScoreAssessment.TryParse(new ScoreAssessment.Form(Unit, Year, Scheme, Measures), out var command, out var errors))
        {
            FileFields(errors);
        }
        else
        {
            var outcome = await handler.HandleAsync(User.Actor(), command, ct);
            if (Report(outcome))
            {
                Scored = (AssessmentRecord)((EnergyTargetsOutcome.Completed)outcome).Result;
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Year ??= TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Localization.DisplayTime.Zone).Year - 1;
        var read = new FieldReader();
        SchemeInUse = ScoreAssessment.ReadScheme(read, Scheme);
        foreach (var error in read.Errors)
        {
            Unbound.Name(Unread.ByField, error, SchemeInUse.Name);
        }
        var plans = await queries.PlansAsync(User.Actor(), ct);
        Units = [.. plans.SelectMany(p => p.Plan.Units)];
        var unit = EnergyTargetsQueries.AssessedUnit(plans, Unit, out var unread);
        if (unread is not null && unit is { } shown)
        {
            Unbound.Name(Unread.ByField, unread, Units.First(u => u.Code == shown).Name);
        }
        Unit = unit?.Value ?? Unit;
        Assessments = await queries.AssessmentsAsync(User.Actor(), Year.Value, ct);
        if (Measures.Count == 0)
        {
            var earlier = Assessments.FirstOrDefault(a => a.Unit.Value == Unit);
            Measures = [.. SchemeInUse.Areas.Select(a => earlier?.Measures.FirstOrDefault(m => m.Area == a.Code) is { } m
                ? new ScoreAssessment.MeasureForm(a.Code, m.Points, m.Evidence)
                : new ScoreAssessment.MeasureForm(a.Code, null, null))];
        }
    }
}
