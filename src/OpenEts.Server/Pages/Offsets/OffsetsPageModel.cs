using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Identity;
using OpenEts.Application.Offsets;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Offsets;

/// <summary>
/// What every offsets page that writes shares: the command's <c>TryParse</c> result is run by
/// <see cref="OffsetsCommandHandler"/> as the signed-in user, and what went wrong is filed by field in the page's
/// language, with a general message for the banner.
/// </summary>
public abstract class OffsetsPageModel(OffsetsCommandHandler handler) : PageModel
{
    /// <summary>Errors by the request's field name; "" for the banner.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Err(string field) => Errors.GetValueOrDefault(field);

    public string? Banner => Errors.Count == 0 ? null : Errors.GetValueOrDefault("") ?? Text.T("fixerrors");

    public IEnumerable<string> AllErrors => Errors.Values.Distinct();

    /// <summary>The signed-in user, or null on a public visit.</summary>
    public Actor? Viewer => User.Identity?.IsAuthenticated == true ? User.Actor() : null;

    protected async Task<OffsetsCommandOutcome> SendAsync(bool parsed, IOffsetsCommand? command, IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        var outcome = parsed && command is not null && Viewer is { } actor
            ? await handler.HandleAsync(actor, command, ct)
            : new OffsetsCommandOutcome.Invalid(errors);
        switch (outcome)
        {
            case OffsetsCommandOutcome.Invalid invalid:
                foreach (var e in invalid.Errors)
                {
                    Errors.TryAdd(e.Field, RuleText.Field(e));
                }
                break;
            case OffsetsCommandOutcome.Refused r:
                Errors.TryAdd("", RuleText.Message(r.Field, r.Rule, r.Message));
                break;
            case OffsetsCommandOutcome.NotFound:
                Errors.TryAdd("", Text.T("offsets.notfound"));
                break;
            case OffsetsCommandOutcome.Forbidden:
                Errors.TryAdd("", Text.T("rule.Role"));
                break;
        }
        return outcome;
    }
}
