using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.DualControl.Cards;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Energy.Cards;

/// <summary>What every polluter-card page that writes shares: the outcome's errors by field, in the page's language.</summary>
public abstract class CardsPageModel : PageModel
{
    /// <summary>Errors by the request's field name; "" for the banner.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Banner => Errors.Count == 0 ? null : Errors.GetValueOrDefault("") ?? Text.T("fixerrors");

    public IEnumerable<string> AllErrors => Errors.Values.Distinct();

    /// <summary>Files the outcome's errors; true when it completed.</summary>
    protected bool Report(CardsCommandOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome)
        {
            case CardsCommandOutcome.Invalid invalid:
                foreach (var e in invalid.Errors)
                {
                    Errors.TryAdd(e.Field, RuleText.Field(e));
                }
                break;
            case CardsCommandOutcome.Refused r:
                Errors.TryAdd("", RuleText.Message(r.Field, r.Rule, r.Message));
                break;
            case CardsCommandOutcome.Forbidden:
                Errors.TryAdd("", Text.T("rule.Role"));
                break;
            default:
                break;
        }
        return outcome is CardsCommandOutcome.Completed;
    }

    /// <summary>Files field errors from a form that did not parse.</summary>
    protected void Report(IReadOnlyList<FieldError> errors) => Report(new CardsCommandOutcome.Invalid(errors));
}
