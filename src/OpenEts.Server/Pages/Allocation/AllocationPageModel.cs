using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Allocation;
using OpenEts.Application.Registry;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Allocation;

/// <summary>
/// What the allocation pages share: sending a plan command or a run and turning its outcome into messages next to the
/// fields (JSON paths for a plan document) or a banner. No rule is written here.
/// </summary>
public abstract class AllocationPageModel : PageModel
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Err(string field) => Errors.GetValueOrDefault(field);

    public string? Banner => Errors.Count == 0 ? null : Errors.GetValueOrDefault("") ?? Text.T("fixerrors");

    public IEnumerable<string> AllErrors => Errors.Values.Distinct();

    protected async Task<AllocationCommandOutcome> SendAsync(AllocationCommandHandler handler, bool parsed, IAllocationCommand? command,
        IReadOnlyList<FieldError> errors, CancellationToken ct) =>
        Record(parsed && command is not null ? await handler.HandleAsync(User.Actor(), command, ct) : new AllocationCommandOutcome.Invalid(errors));

    protected async Task<AllocationCommandOutcome> RunAsync(AllocationRunHandler handler, bool parsed, IAllocationRun? run,
        IReadOnlyList<FieldError> errors, CancellationToken ct) =>
        Record(parsed && run is not null ? await handler.HandleAsync(User.Actor(), run, ct) : new AllocationCommandOutcome.Invalid(errors));

    /// <summary>Where a field error is shown: at its field, or where the page shows what the field names (a plan edit's row).</summary>
    protected virtual FieldError Place(FieldError error) => error;

    /// <summary>A field error's message; a page that shows a plan names a figure's path by the plan's own words.</summary>
    protected virtual string Describe(FieldError error) => RuleText.Field(error);

    private AllocationCommandOutcome Record(AllocationCommandOutcome outcome)
    {
        switch (outcome)
        {
            case AllocationCommandOutcome.Invalid invalid:
                foreach (var e in invalid.Errors.Select(Place))
                {
                    Errors.TryAdd(e.Field, Describe(e));
                }
                break;
            case AllocationCommandOutcome.Refused { Kind: RefusalKind.Malformed } r:
                // A value the plan does not allow (an excluded year outside its history) is shown next to its field.
                Errors.TryAdd(r.Field, RuleText.Message(r.Field, r.Rule, r.Message, r.Figures));
                break;
            case AllocationCommandOutcome.Refused r:
                Errors.TryAdd("", RuleText.Message(r.Field, r.Rule, r.Message, r.Figures));
                break;
            case AllocationCommandOutcome.NotFound:
                Errors.TryAdd("", Text.T("alloc.notfound"));
                break;
            case AllocationCommandOutcome.Forbidden:
                Errors.TryAdd("", Text.T("rule.Role"));
                break;
        }
        return outcome;
    }
}
