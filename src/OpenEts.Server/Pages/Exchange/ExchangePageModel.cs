using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Exchange;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Exchange;

/// <summary>What every exchange page that writes shares: the command's outcome filed by field (in the page's language).</summary>
public abstract class ExchangePageModel : PageModel
{
    /// <summary>Errors by the request's field name; "" for the banner.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Err(string field) => Errors.GetValueOrDefault(field);

    public string? Banner => Errors.Count == 0 ? null : Errors.GetValueOrDefault("") ?? Text.T("fixerrors");

    public IEnumerable<string> AllErrors => Errors.Values.Distinct();

    /// <summary>
    /// The form a post came from, as the page names it (<c>bid:12</c>, <c>pick:5</c>, <c>suspend:7</c>), set by its handler
    /// before it sends. A completed post redirects; a refused one shows the page again with that form's fields as they
    /// were typed (<see cref="Typed"/>), and no other form's.
    /// </summary>
    public string? PostedForm { get; protected set; }

    /// <summary>The text <paramref name="field"/> was posted with, when <paramref name="form"/> is the form a refused post came from; otherwise null.</summary>
    public string? Typed(string form, string field) =>
        PostedForm == form && Errors.Count > 0 && Request.HasFormContentType ? Request.Form[field].ToString() : null;

    /// <summary>The error of <paramref name="field"/> when <paramref name="form"/> is the form a refused post came from.</summary>
    public string? ErrIn(string form, string field) => PostedForm == form ? Err(field) : null;

    /// <summary>Files the outcome's errors; true when it completed.</summary>
    protected bool Report(ExchangeOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome)
        {
            case ExchangeOutcome.Invalid invalid:
                Report(invalid.Errors);
                break;
            case ExchangeOutcome.Refused r:
                Errors.TryAdd("", RuleText.Message(r.Field, r.Rule.ToString(), r.Message, r.Figures));
                break;
            case ExchangeOutcome.Forbidden:
                Errors.TryAdd("", Text.T("rule.Role"));
                break;
            default:
                break;
        }
        return outcome is ExchangeOutcome.Completed;
    }

    /// <summary>
    /// Files field errors from a form that did not parse. A value the form could not bind (<c>abc</c> for a price) reads
    /// as missing to the command; it is reported as typed first, so the page does not say that a typed field is required.
    /// </summary>
    protected void Report(IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var e in Unbound.Errors(ModelState).Select(Renamed).Concat(errors))
        {
            Errors.TryAdd(e.Field, RuleText.Field(e));
        }
    }

    /// <summary>
    /// The command's field a form's input stands for, where the form names it otherwise (the amend row's <c>amendPrice</c>
    /// is the amend's <c>price</c>); the input's own name by default.
    /// </summary>
    protected virtual string CommandField(string input) => input;

    // A value that did not bind, named by the command's field, so that it is labelled as the command's errors are.
    private FieldError Renamed(FieldError unbound) =>
        CommandField(unbound.Field) is var field && field != unbound.Field && unbound.Figures is [var typed, ..]
            ? Unbound.NotANumber(field, typed)
            : unbound;
}
