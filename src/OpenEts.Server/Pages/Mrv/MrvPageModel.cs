using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Mrv;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Mrv;

/// <summary>
/// What every MRV page that writes shares: the command's <c>TryParse</c> result is run by <see cref="MrvCommandHandler"/>
/// as the signed-in user, and what went wrong is filed by field in <see cref="Errors"/> (in the page's language), with a
/// general message for the banner.
/// </summary>
public abstract class MrvPageModel(MrvCommandHandler handler) : PageModel
{
    /// <summary>Errors by the request's field name (<c>lines[0].amount</c>, <c>conclusion</c>); "" for the banner.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The error for <paramref name="field"/>, or null.</summary>
    public string? Err(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The message for the banner: the general error, else "fix the fields below".</summary>
    public string? Banner => Errors.Count == 0 ? null : Errors.GetValueOrDefault("") ?? Text.T("fixerrors");

    /// <summary>Every error, for the list under the banner.</summary>
    public IEnumerable<string> AllErrors => Errors.Values.Distinct();

    protected async Task<MrvCommandOutcome> SendAsync(bool parsed, IMrvCommand? command, IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        var outcome = parsed && command is not null
            ? await handler.HandleAsync(User.Actor(), command, ct)
            : new MrvCommandOutcome.Invalid(errors);
        switch (outcome)
        {
            case MrvCommandOutcome.Invalid invalid:
                foreach (var e in invalid.Errors)
                {
                    Errors.TryAdd(e.Field, RuleText.Field(e));
                }
                break;
            case MrvCommandOutcome.Refused r:
                Errors.TryAdd("", RuleText.Message(r.Field, r.Rule, r.Message));
                break;
            case MrvCommandOutcome.NotFound:
                Errors.TryAdd("", Text.T("mrv.notfound"));
                break;
            case MrvCommandOutcome.Forbidden:
                Errors.TryAdd("", Text.T("rule.Role"));
                break;
        }
        return outcome;
    }
}
