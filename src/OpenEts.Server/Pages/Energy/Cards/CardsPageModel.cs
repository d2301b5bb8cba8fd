using System.Diagnostics.CodeAnalysis;
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

    /// <summary>The error for <paramref name="field"/>, or null.</summary>
    public string? Err(string field) => Errors.GetValueOrDefault(field);

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
                // In the banner, and beside its field when the form shows one.
                Errors.TryAdd("", RuleText.Message(r.Field, r.Rule, r.Message));
                Errors.TryAdd(r.Field, RuleText.Message(r.Field, r.Rule, r.Message));
                break;
            case CardsCommandOutcome.Forbidden:
                Errors.TryAdd("", Text.T("rule.Role"));
                break;
            default:
                break;
        }
        return outcome is CardsCommandOutcome.Completed;
    }

    /// <summary>
    /// True when the form <paramref name="parsed"/> into <paramref name="command"/> and every value typed was read; else files its errors. A value the binder
    /// could not read (<c>abc</c> for a figure) reaches the command as not given, so it is refused as typed, first.
    /// </summary>
    protected bool Parsed<TCommand>(bool parsed, [NotNullWhen(true)] TCommand? command, IReadOnlyList<FieldError> errors)
        where TCommand : class
    {
        var unbound = Unbound.Errors(ModelState);
        if (parsed && command is not null && unbound.Count == 0)
        {
            return true;
        }
        Report(new CardsCommandOutcome.Invalid([.. unbound, .. errors]));
        return false;
    }

    /// <summary>A posted field's text: as typed when it could not be read, else <paramref name="bound"/>.</summary>
    public string Typed(string key, decimal? bound) =>
        Unbound.Typed(ModelState, key, bound);
}
