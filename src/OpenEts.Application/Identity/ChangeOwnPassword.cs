using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Identity;

/// <summary>
/// A signed-in user changes their own password: the current one proves it is them, the new one passes
/// <see cref="PasswordPolicy"/>. Every other session of the user ends; a password the regulator reset stops being
/// temporary. Only a signed-in session may, never an API token (a stolen token must not take over the account).
/// </summary>
public sealed record ChangeOwnPassword(string CurrentPassword, string NewPassword)
{
    /// <summary>The journal kind.</summary>
    public const string JournalKind = "user.password-changed";

    /// <summary>The request as typed; <paramref name="Confirm"/>, when given, must repeat the new password.</summary>
    public sealed record Form(string? CurrentPassword, string? NewPassword, string? Confirm = null)
    {
        public override string ToString() => "Form { CurrentPassword = ***, NewPassword = ***, Confirm = *** }";
    }

    public static bool TryParse(Form form, out ChangeOwnPassword? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var found = new List<FieldError>();
        if (string.IsNullOrEmpty(form.CurrentPassword))
        {
            found.Add(new FieldError("currentPassword", "Required", "currentPassword: give your current password"));
        }
        if (string.IsNullOrEmpty(form.NewPassword))
        {
            found.Add(new FieldError("newPassword", "Required", "newPassword: give the new password"));
        }
        else if (form.Confirm is not null && !string.Equals(form.Confirm, form.NewPassword, StringComparison.Ordinal))
        {
            found.Add(new FieldError("confirm", "PasswordMismatch", "confirm: the two new passwords differ"));
        }
        errors = found;
        command = found.Count == 0 ? new ChangeOwnPassword(form.CurrentPassword!, form.NewPassword!) : null;
        return command is not null;
    }

    public override string ToString() => "ChangeOwnPassword { CurrentPassword = ***, NewPassword = *** }";
}
