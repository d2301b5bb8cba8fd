using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Cash;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Cash;

/// <summary>
/// What every cash and auction page that writes shares: the command's outcome filed by field in <see cref="Errors"/>
/// (in the page's language), with a general message for the banner.
/// </summary>
public abstract class CashPageModel : PageModel
{
    /// <summary>Errors by the request's field name; "" for the banner.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Err(string field) => Errors.GetValueOrDefault(field);

    public string? Banner => Errors.Count == 0 ? null : Errors.GetValueOrDefault("") ?? Text.T("fixerrors");

    public IEnumerable<string> AllErrors => Errors.Values.Distinct();

    /// <summary>Files the outcome's errors; true when it completed.</summary>
    protected bool Report(CashCommandOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome)
        {
            case CashCommandOutcome.Invalid invalid:
                foreach (var e in invalid.Errors)
                {
                    Errors.TryAdd(e.Field, RuleText.Field(e));
                }
                break;
            case CashCommandOutcome.Refused r:
                Errors.TryAdd("", RuleText.Message(r.Field, r.Rule, r.Message, r.Figures));
                break;
            case CashCommandOutcome.NotFound n:
                Errors.TryAdd("", RuleText.Label(n.Field) + Text.T("colon") + Text.T("cash.notfound"));
                break;
            case CashCommandOutcome.Forbidden:
                Errors.TryAdd("", Text.T("rule.Role"));
                break;
            default:
                break;
        }
        return outcome is CashCommandOutcome.Completed;
    }

    /// <summary>
    /// Files field errors from a form that did not parse. A value the form could not bind (<c>1e30</c> yuan) reads as
    /// missing to the command; it is reported as typed first, so the page does not say that a typed field is required.
    /// </summary>
    protected void Report(IReadOnlyList<FieldError> errors) => Report(new CashCommandOutcome.Invalid([.. Unbound.Errors(ModelState), .. errors]));
}
