using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Forms;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Domain.Organisations;
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

    /// <summary>
    /// Why the unit's kind did not take the scheme in the address (a city's scheme for a key energy user), with the scheme
    /// shown instead; null when it fits.
    /// </summary>
    public string? SchemeShown { get; private set; }

    /// <summary>
    /// How the scheme in use scores, in the page's language: its target points, what a 10 % shortfall costs, the completion
    /// below which the target earns nothing, the bonus a 10 % over and its cap, the measure points, and the veto when it has one
    /// (the sector scheme's 60 + 40 is not the city scheme's 40 + 60).
    /// </summary>
    public string Help()
    {
        string N(decimal v) => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        var help = Text.T("energy.assesshelp", N(SchemeInUse.TargetWeight), N(SchemeInUse.ShortfallStep), N(SchemeInUse.NoPointsBelow),
            N(SchemeInUse.BonusPerTenPercentOver), N(SchemeInUse.BonusCap), N(SchemeInUse.MeasureWeight));
        return SchemeInUse.IntensityVeto ? help + Text.T("energy.assesshelp.veto") : help;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Points typed but not read (abc, １００) reach the command as not given, which it would call out of range.
        var unbound = UnboundPoints();
        if (!ScoreAssessment.TryParse(new ScoreAssessment.Form(Unit, Year, Scheme, Measures), out var command, out var errors) || unbound.Count > 0)
        {
            FileMeasures([.. unbound, .. errors]);
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

    /// <summary>A measure's points as typed when they could not be read, else as bound.</summary>
    public string PointsTyped(int i, decimal? bound) => Unbound.Typed(ModelState, $"Measures[{i}].Points", bound);

    // Each measure's points that did not bind, as the platform names a number it cannot read (rule Number, as typed).
    private List<FieldError> UnboundPoints() =>
    [
        .. Measures.Select((_, i) => (Index: i, State: ModelState.TryGetValue($"Measures[{i}].Points", out var entry) ? entry : null))
            .Where(p => p.State is { Errors.Count: > 0, AttemptedValue: { } typed } && !string.IsNullOrWhiteSpace(typed))
            .Select(p => Unbound.NotANumber($"measures[{p.Index}].points", p.State!.AttemptedValue!.Trim())),
    ];

    // Files the form's errors, a measure's named by its number and its area as the form shows it (措施 1（目标责任）· 得分).
    private void FileMeasures(IEnumerable<FieldError> errors)
    {
        var scheme = ScoreAssessment.ReadScheme(new FieldReader(), Scheme);
        foreach (var e in errors)
        {
            var match = System.Text.RegularExpressions.Regex.Match(e.Field, @"^measures\[(\d+)\]\.(\w+)$");
            var index = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
            var area = index >= 0 && index < Measures.Count ? scheme.Area(FieldReader.Text(Measures[index].Area)) : null;
            Errors.TryAdd(e.Field, area is null
                ? RuleText.Field(e)
                : RuleText.Field(e, Text.T("energy.measurelabel", index + 1, area.Name, RuleText.Label(match.Groups[2].Value))));
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Year ??= TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Localization.DisplayTime.Zone).Year - 1;
        var plans = await queries.PlansAsync(User.Actor(), ct);
        Units = [.. plans.SelectMany(p => p.Plan.Units)];
        var unit = EnergyTargetsQueries.AssessedUnit(plans, Unit, out var unread);
        var target = unit is { } code ? Units.First(u => u.Code == code) : null;
        if (unread is not null && target is not null)
        {
            Unbound.Name(Unread.ByField, unread, target.Name);
        }
        Unit = unit?.Value ?? Unit;
        var read = new FieldReader();
        SchemeInUse = ScoreAssessment.AssessedScheme(read, Scheme, target, out var unfit);
        foreach (var error in read.Errors)
        {
            Unbound.Name(Unread.ByField, error, SchemeInUse.Name);
        }
        if (unfit is not null)
        {
            SchemeShown = Text.T("address.instead", RuleText.Field(unfit).TrimEnd('。', '.'), SchemeInUse.Name);
        }
        Assessments = await queries.AssessmentsAsync(User.Actor(), Year.Value, ct);
        if (Measures.Count == 0)
        {
            var earlier = Assessments.FirstOrDefault(a => a.Unit.Value == Unit && a.Scheme == SchemeInUse.Code);
            Measures = [.. SchemeInUse.Areas.Select(a => earlier?.Measures.FirstOrDefault(m => m.Area == a.Code) is { } m
                ? new ScoreAssessment.MeasureForm(a.Code, m.Points, m.Evidence)
                : new ScoreAssessment.MeasureForm(a.Code, null, null))];
        }
    }
}
