using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Allocation;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Allocation;

/// <summary>
/// Allocation: every plan version (status, years, how many figures are unconfirmed); for the regulator, approving a
/// draft and running pre-allocation and the true-up of a year, with each entity's result; links to each plan, the
/// what-if and the allocations.
/// </summary>
[Authorize(Roles = Access.AllocationPlanReaders)]
public sealed class IndexModel(AllocationQueries queries, AllocationCommandHandler plans, AllocationRunHandler runs) : AllocationPageModel
{
    public IReadOnlyList<StoredPlan> Plans { get; private set; } = [];

    public IReadOnlyList<EntityAllocationView> Allocations { get; private set; } = [];

    public AllocationRun? Run { get; private set; }

    public IReadOnlyList<SpecialCircumstance> Circumstances { get; private set; } = [];

    [BindProperty]
    public CircumstanceInput Circumstance { get; set; } = new();

    public string? Done { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string Jurisdiction { get; set; } = "guangdong";

    [BindProperty(SupportsGet = true)]
    public int Year { get; set; } = 2017;

    public bool IsRegulator => User.Actor().Role == Role.Regulator;

    /// <summary>Why a run of the year shown would be refused before it starts (no approved plan): said where its buttons would be.</summary>
    public AllocationCommandOutcome.Refused? RunRefused { get; private set; }

    public bool MayReadAllocations => AllocationRoles.AllocationReaders.Contains(User.Actor().Role);

    public async Task OnGetAsync([FromQuery] string? done, CancellationToken ct)
    {
        Done = done;
        // A year in the address that is no number (?year=abc) is named beside the year's box, with the year shown instead.
        Unbound.Name(Errors, ModelState, field => field == "year" ? Year.ToString(CultureInfo.InvariantCulture) : null);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostApproveAsync([FromForm] string? plan, [FromForm] int? version, CancellationToken ct)
    {
        var parsed = ApprovePlan.TryParse(new ApprovePlan.Form(plan, version), out var command, out var errors);
        if (await SendAsync(plans, parsed, command, errors, ct) is AllocationCommandOutcome.Completed)
        {
            return Redirect($"/Allocation?done=approved&jurisdiction={Jurisdiction}&year={Year}");
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreAsync(CancellationToken ct)
    {
        var parsed = RunPreAllocation.TryParse(new RunPreAllocation.Form(Jurisdiction, Year), out var run, out var errors);
        Run = (await RunAsync(runs, parsed, run, errors, ct) as AllocationCommandOutcome.Completed)?.Run;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTrueUpAsync(CancellationToken ct)
    {
        var parsed = RunTrueUp.TryParse(new RunTrueUp.Form(Jurisdiction, Year), out var run, out var errors);
        Run = (await RunAsync(runs, parsed, run, errors, ct) as AllocationCommandOutcome.Completed)?.Run;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCircumstanceAsync(CancellationToken ct)
    {
        var c = Circumstance;
        var parsed = RecordCircumstance.TryParse(new RecordCircumstance.Form(Jurisdiction, Year, c.Organisation, c.Kind, c.Months, c.Energy, c.Reference,
            c.ExcludedYears),
            out var command, out var errors);
        if (await SendAsync(plans, parsed, command, errors, ct) is AllocationCommandOutcome.Completed)
        {
            return Redirect($"/Allocation?done=circumstance&jurisdiction={Jurisdiction}&year={Year}");
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The special-circumstance form as typed.</summary>
    public sealed class CircumstanceInput
    {
        public string? Organisation { get; set; }

        public string? Kind { get; set; }

        public int? Months { get; set; }

        public decimal? Energy { get; set; }

        public string? Reference { get; set; }

        public string? ExcludedYears { get; set; }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // A jurisdiction that has no plan (?jurisdiction=xx) lists nothing: it is named beside its box with those there are.
        (Plans, Jurisdiction, var unknown) = await queries.ChooseJurisdictionAsync(Jurisdiction, ct);
        if (unknown is not null)
        {
            Unbound.Name(Errors, unknown, Text.T("address.nothing"));
        }
        RunRefused = IsRegulator ? await queries.RunRefusalAsync(Jurisdiction, Year, ct) : null;
        Circumstances = MayReadAllocations ? await queries.CircumstancesAsync(User.Actor(), Jurisdiction, Year, ct) : [];
        Allocations = MayReadAllocations ? await queries.AllocationsAsync(User.Actor(), Jurisdiction, Year, ct) : [];
    }
}
