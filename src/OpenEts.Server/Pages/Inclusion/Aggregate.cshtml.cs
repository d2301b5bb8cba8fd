using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Forms;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Offsets;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>
/// A programme's counted reductions over a period by behaviour, its aggregations into PHCER monitoring reports, and
/// for the programme's operator (the PHCER project's owner) the aggregation itself, filed through the offsets module.
/// </summary>
[Authorize(Roles = Access.InclusionOverseers)]
public sealed class AggregateModel(InclusionCommandHandler handler, InclusionQueries queries, OffsetsQueries offsets, TimeProvider clock) : InclusionPageModel
{
    public IReadOnlyList<BehaviourTotal> Totals { get; private set; } = [];

    public IReadOnlyList<InclusionAggregation> Aggregations { get; private set; } = [];

    public IReadOnlyList<string> Codes { get; private set; } = [];

    /// <summary>The programme versions in force, for the list's names (the code when none is in force).</summary>
    public IReadOnlyList<InclusionProgramme> InForce { get; private set; } = [];

    public InclusionAggregation? Filed { get; private set; }

    /// <summary>Distinct citizens with counted actions in the period (one who did several behaviours counts once).</summary>
    public long? Citizens { get; private set; }

    /// <summary>The samples drawn, by aggregation.</summary>
    public IReadOnlyDictionary<long, InclusionSample> Samples { get; private set; } = new Dictionary<long, InclusionSample>();

    /// <summary>The PHCER project's monitoring reports, by id, with the project's page: where each aggregation was filed.</summary>
    public IReadOnlyDictionary<long, MonitoringReport> Reports { get; private set; } = new Dictionary<long, MonitoringReport>();

    /// <summary>The period's counted reductions: what an aggregation would file.</summary>
    public CarbonGrams Reduction { get; private set; }

    /// <summary>The period holds less than an aggregation files (<see cref="AggregatePeriod.Minimum"/>).</summary>
    public bool UnderMinimum => AggregatePeriod.IsUnderMinimum(Reduction);

    /// <summary>
    /// The reader may see the chosen programme's figures: false for a company representative whose organisation does not
    /// operate it (InclusionQueries.MayOverseeAsync), who is told so instead.
    /// </summary>
    public bool Overseen { get; private set; }

    public bool IsOperator => Overseen && InclusionRoles.Operators.Contains(User.Actor().Role);

    /// <summary>The reader may open samples (the verifier, the regulator, the auditor).</summary>
    public bool MaySample => InclusionRoles.SampleReaders.Contains(User.Actor().Role);

    [BindProperty(SupportsGet = true)]
    public string? Programme { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? PeriodStart { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? PeriodEnd { get; set; }

    /// <summary>The period whose totals are shown, which the aggregation form files.</summary>
    public (DateOnly Start, DateOnly End)? Period { get; private set; }

    /// <summary>A programme or day in the address the page cannot show, named as typed with what is shown instead.</summary>
    public AddressErrors Unread { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        foreach (var (error, instead) in await LoadAsync(ct))
        {
            Unbound.Name(Unread.ByField, error, instead);
        }
        // A box named keeps its text as typed; the others show the period shown.
        if (Period is { } shown)
        {
            (PeriodStart, PeriodEnd) = (Unread.Err("periodStart") is null ? FieldReader.DayText(shown.Start) : PeriodStart,
                Unread.Err("periodEnd") is null ? FieldReader.DayText(shown.End) : PeriodEnd);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (AggregatePeriod.TryParse(new(Programme, PeriodStart, PeriodEnd), handler.Programmes, out var command, out var errors))
        {
            var outcome = await handler.AggregateAsync(User.Actor(), command, ct);
            if (Report(outcome))
            {
                Filed = (InclusionAggregation)((InclusionCommandOutcome.Completed)outcome).Result;
            }
        }
        else
        {
            Report(errors);
        }
        await LoadAsync(ct);
        return Page();
    }

    // Loads the programme and period the address or form gave; what they named that cannot be shown, with what is instead.
    private async Task<IReadOnlyList<(FieldError Error, string Shown)>> LoadAsync(CancellationToken ct)
    {
        Codes = queries.AggregatedCodes;
        InForce = queries.InForce();
        var typed = Programme;
        Programme = queries.AggregatedProgramme(typed, out var unknown);
        var named = unknown.Select(e => (e, Programme ?? Text.T("address.nothing"))).ToList();
        if (Programme is null || await queries.AggregationsAsync(User.Actor(), Programme, ct) is not { } aggregations)
        {
            return named;
        }
        Overseen = true;
        Aggregations = aggregations;
        Samples = await queries.SamplesOfAsync(User.Actor(), [.. Aggregations.Select(a => a.Id)], ct);
        var reports = new Dictionary<long, MonitoringReport>();
        foreach (var project in Aggregations.Select(a => a.PhcerProject).Distinct())
        {
            if (await offsets.ProjectAsync(User.Actor(), "PHCER", project, ct) is { } detail)
            {
                foreach (var r in detail.Reports)
                {
                    reports[r.Id] = r;
                }
            }
        }
        Reports = reports;
        var next = AggregatePeriod.Next(InclusionTime.DayOf(clock.GetUtcNow()), Aggregations);
        var (from, to) = AggregatePeriod.Shown(PeriodStart, PeriodEnd, next, out var days);
        Period = (from, to);
        named.AddRange(days.Select(e => (e, Text.T("address.span", FieldReader.DayText(from), FieldReader.DayText(to)))));
        Totals = await queries.PeriodTotalsAsync(User.Actor(), Programme, from, to, ct) ?? [];
        Reduction = AggregatePeriod.ReductionOf(Totals);
        Citizens = await queries.PeriodCitizensAsync(User.Actor(), Programme, from, to, ct);
        return named;
    }
}
