using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Allocation;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Allocation;

/// <summary>
/// The what-if: a plan run over every covered entity with figures changed (one NAME=VALUE a line), each entity's
/// allocation and change, the total, the cap check and a chart. It stores and moves nothing until the regulator
/// confirms it (<see cref="ConfirmWhatIf"/>): then its figures become a new draft version of the plan.
/// </summary>
[Authorize(Roles = Access.AllocationPlanReaders)]
public sealed class WhatIfModel(AllocationQueries queries, AllocationCommandHandler plans) : AllocationPageModel
{
    public WhatIfResult? Result { get; private set; }

    public ChartSpec? Chart { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string Plan { get; set; } = "guangdong-2017";

    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Year { get; set; } = 2017;

    [BindProperty(SupportsGet = true)]
    public string? Set { get; set; }

    /// <summary>The what-if's figures as confirmed (NAME=VALUE, one per hidden field).</summary>
    [BindProperty]
    public List<string> Figures { get; set; } = [];

    /// <summary>Where the confirmed values come from.</summary>
    [BindProperty]
    public string? Source { get; set; }

    /// <summary>Whether the confirm form is offered: to the roles that may confirm (the handler checks again).</summary>
    public bool MayConfirm => AllocationRoles.Regulator.Contains(User.Actor().Role);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await RunAsync(ct);
        // A year or version in the address that is no number (?year=abc) is named beside its box, with what is shown instead.
        Unbound.Name(Errors, ModelState, field => field switch
        {
            "year" => Year.ToString(CultureInfo.InvariantCulture),
            "version" => Result is { } shown ? "v" + shown.Plan.Version.ToString(CultureInfo.InvariantCulture) : Text.T("address.nothing"),
            _ => null,
        });
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var parsed = ConfirmWhatIf.TryParse(new ConfirmWhatIf.Form(Plan, Version, Year, Figures, Source), out var command, out var errors);
        if (await SendAsync(plans, parsed, command, errors, ct) is AllocationCommandOutcome.Completed { Plan: { } saved })
        {
            return Redirect($"/Allocation/Plan?id={Uri.EscapeDataString(saved.PlanId)}&version={saved.Version}&done=confirmed");
        }
        Set = string.Join('\n', Figures);
        await RunAsync(ct);
        return Page();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        // Positions count the box's lines as typed, blank ones included, as the confirmation's hidden fields keep them.
        var lines = (Set ?? "").Split('\n');
        if (!PlanEdit.TryParseLines(lines, "what-if", out var edits, out var lineErrors))
        {
            Errors.TryAdd("set", string.Join(' ', lineErrors.Select(RuleText.Field)));
            return;
        }
        var (result, errors) = await queries.WhatIfAsync(User.Actor(), Plan, Version, Year, edits, null, ct);
        // A figure set out of its bounds is named as its line and its figure in the plan's words, as the API names it.
        var stored = errors.Count > 0 ? await queries.WhatIfPlanAsync(Plan, Version, ct) : null;
        foreach (var e in errors)
        {
            var field = e.Field is "plan" or "year" ? e.Field : "set";
            var text = stored is null ? RuleText.Field(e) : PlanEditText.Describe(e, stored, [.. lines.Select(PlanEdit.TargetOf)]);
            Errors[field] = Errors.TryGetValue(field, out var before) ? before + " " + text : text;
        }
        Result = result;
        if (result is not null)
        {
            var rows = result.Rows.OrderBy(r => r.Changed.Code, StringComparer.Ordinal).ToList();
            Chart = new ChartSpec("bar", [.. rows.Select(r => r.Changed.Name)],
            [
                new ChartSeries(Text.T("alloc.whatif.plan"), [.. rows.Select(r => (decimal?)r.Baseline.Total.Value)], "#9aa5b1"),
                new ChartSeries(Text.T("alloc.whatif.changed"), [.. rows.Select(r => (decimal?)r.Changed.Total.Value)], "#2f6f4f"),
            ], "t");
        }
    }
}
