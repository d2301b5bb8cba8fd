using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Compliance;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Registry;

/// <summary>
/// What every registry page that writes shares. A page reads its form into the command's <c>Form</c>; here it is
/// parsed, run by the <see cref="RegistryCommandHandler"/> as the signed-in user, and the outcome is filed under the
/// form's fields in <see cref="Errors"/> (a field the form does not show goes to the form's general message). A bad or
/// reused hidden idempotency key is replaced by a fresh one, so the user is asked to submit again and nothing runs twice.
/// </summary>
public abstract class RegistryPageModel(RegistryCommandHandler handler) : PageModel
{
    private const string KeyField = "idempotencyKey";

    /// <summary>Errors by form and field, e.g. <c>surrender.quantity</c>; a form's general message is under <c>surrender.</c>.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The error for <paramref name="field"/> (<c>form.field</c>), or null.</summary>
    public string? Err(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The first error not shown next to a field, for the banner above the forms.</summary>
    public string? GeneralError => Errors.Where(e => e.Key.EndsWith('.')).Select(e => e.Value).FirstOrDefault();

    /// <summary>
    /// Runs <paramref name="command"/> when the command's <c>TryParse</c> <paramref name="parsed"/> it (else its
    /// <paramref name="errors"/> are the outcome) and files what went wrong under <paramref name="form"/>'s fields.
    /// <paramref name="input"/> (the bound form) gets a fresh key when its key was bad or already used.
    /// </summary>
    protected async Task<RegistryCommandOutcome> SendAsync(RegistryForm form, IKeyedInput? input,
        bool parsed, IRegistryCommand? command, IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var outcome = parsed && command is not null
            ? await handler.HandleAsync(User.Actor(), command, ct)
            : new RegistryCommandOutcome.Invalid(errors);
        Apply(form, input, outcome);
        return outcome;
    }

    /// <summary>Files <paramref name="outcome"/> under <paramref name="form"/>'s fields; a completed outcome files nothing.</summary>
    private void Apply(RegistryForm form, IKeyedInput? input, RegistryCommandOutcome outcome)
    {
        switch (outcome)
        {
            case RegistryCommandOutcome.Invalid invalid:
                // The key first: "submit again" is what the user must do whatever else was wrong. A number typed but
                // not readable (1e30 tonnes) reads as missing to the command: it is named as typed before "required".
                foreach (var error in Unbound.Errors(ModelState).Concat(invalid.Errors).OrderBy(e => e.Field == KeyField ? 0 : 1))
                {
                    File(form, input, error.Field, Describe(error));
                }
                break;
            case RegistryCommandOutcome.Refused refused:
                File(form, input, refused.Field, Explain(refused));
                break;
            case RegistryCommandOutcome.Forbidden:
                File(form, input, "", Text.T("reg.err.forbidden"));
                break;
        }
    }

    /// <summary>Files a compliance surrender's <paramref name="outcome"/> under <paramref name="form"/>'s fields, as <see cref="SendAsync"/> does.</summary>
    protected void Apply(RegistryForm form, IKeyedInput? input, ComplianceOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(form);
        switch (outcome)
        {
            case ComplianceOutcome.Invalid invalid:
                Apply(form, input, new RegistryCommandOutcome.Invalid(invalid.Errors));
                break;
            case ComplianceOutcome.Refused refused:
                File(form, input, refused.Field, RuleText.RegistryMessage(refused.Field, refused.Rule, refused.Message, refused.Figures));
                break;
            case ComplianceOutcome.Forbidden:
                File(form, input, "", Text.T("reg.err.forbidden"));
                break;
        }
    }

    private void File(RegistryForm form, IKeyedInput? input, string field, string text)
    {
        if (field == KeyField && input is not null)
        {
            input.Key = IdempotencyKeys.NewText(KeyOrigin.Web);
        }
        Errors.TryAdd(form.Name + "." + (form.Fields.Contains(field) ? field : ""), text);
    }

    /// <summary>A field that could not be read, in the page's language.</summary>
    private static string Describe(FieldError error) => RuleText.Field(error);

    /// <summary>A refusal for the page, in the page's language: the rule and the field it concerns.</summary>
    private static string Explain(RegistryCommandOutcome.Refused refused) =>
        RuleText.RegistryMessage(refused.Field, refused.Reason.ToString(), refused.Message, refused.Figures);
}
