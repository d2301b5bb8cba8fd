using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Allocation;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Allocation;

/// <summary>
/// One plan version: its sectors, products, methods and figures with their sources, every [UNCONFIRMED] figure flagged;
/// for the regulator, the plan editor: a new value and its source for any flagged figure (a draft changes in place, an
/// approved version becomes a new draft version).
/// </summary>
[Authorize(Roles = Access.AllocationPlanReaders)]
public sealed class PlanModel(AllocationQueries queries, AllocationCommandHandler plans) : AllocationPageModel
{
    public StoredPlan? Stored { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Version { get; set; } = 1;

    [BindProperty]
    public List<string?> Paths { get; set; } = [];

    [BindProperty]
    public List<decimal?> Values { get; set; } = [];

    [BindProperty]
    public List<string?> Sources { get; set; } = [];

    public string? Done { get; private set; }

    private List<SavePlanDraft.EditForm> _edits = [];

    public bool IsRegulator => User.Actor().Role == Role.Regulator;

    /// <summary>What the regulator typed for the figure at <paramref name="path"/>: shown again when the save is refused.</summary>
    public (decimal? Value, string? Source) Typed(string path)
    {
        var i = Paths.IndexOf(path);
        return i < 0 ? default : (Values.ElementAtOrDefault(i), Sources.ElementAtOrDefault(i));
    }

    public async Task<IActionResult> OnGetAsync([FromQuery] string? done, CancellationToken ct)
    {
        Done = done;
        (Stored, var unknown) = await queries.PlanOfAsync(Id, Version, "version", ct);
        // A version in the address that is no number (?version=abc) opened version 1 unsaid: it is named, with the version shown.
        var shown = Stored is { } plan ? "v" + plan.Version.ToString(CultureInfo.InvariantCulture) : Text.T("address.nothing");
        Unbound.Name(Errors, ModelState, field => field == "version" ? shown : null);
        if (unknown is not null)
        {
            // No plan in the address, or none of that id and version: a page naming it, not a bare "not found".
            Unbound.Name(Errors, unknown, shown);
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Only the rows the regulator filled in are edits; the others stay as they are.
        var edits = Paths.Select((p, i) => new SavePlanDraft.EditForm(p, Values.ElementAtOrDefault(i), Sources.ElementAtOrDefault(i)))
            .Where(e => e.Value is not null || !string.IsNullOrWhiteSpace(e.Source)).ToList();
        _edits = edits;
        var parsed = SavePlanDraft.TryParse(new SavePlanDraft.Form(Id, Version, edits), out var command, out var errors);
        // Read before the save, so that a refusal names each figure by the plan's words; a refused save changes nothing.
        Stored = Id is null ? null : await queries.PlanAsync(Id, Version, ct);
        if (await SendAsync(plans, parsed, command, errors, ct)
            is AllocationCommandOutcome.Completed { Plan: { } saved })
        {
            return Redirect($"/Allocation/Plan?id={saved.PlanId}&version={saved.Version}&done=saved");
        }
        return Stored is null ? NotFound() : Page();
    }

    /// <summary>A figure's path in the plan's words (行业 · 产品 · 参数).</summary>
    public string Label(string path) => AllocationLabels.Path(Stored?.Plan, path);

    protected override FieldError Place(FieldError error) => NextToRow(error, _edits);

    protected override string Describe(FieldError error) =>
        error.Field.StartsWith('$') ? RuleText.Stated(error, Label(error.Field)) : base.Describe(error);

    // The use case names an edit by its place in the list it was given (edits[2].source, edits[0].value for a figure out of
    // its bounds); the page shows the error next to that figure's row, named by the figure's path in the plan's words.
    private static FieldError NextToRow(FieldError error, IReadOnlyList<SavePlanDraft.EditForm> edits)
    {
        const string prefix = "edits[";
        var end = error.Field.IndexOf(']', StringComparison.Ordinal);
        return error.Field.StartsWith(prefix, StringComparison.Ordinal) && end > prefix.Length
            && int.TryParse(error.Field.AsSpan(prefix.Length, end - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && edits.ElementAtOrDefault(i)?.Path is { } path
                ? error with { Field = path }
                : error;
    }
}
