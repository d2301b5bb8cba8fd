using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Identity;

/// <summary>
/// The regulator sets a temporary password for a user who lost theirs. The user's sessions end, and at their next
/// sign-in they must choose a new password before they can do anything else. The password passes
/// <see cref="PasswordPolicy"/>; only its hash is stored and the journal holds neither.
/// </summary>
public sealed record ResetPassword(string UserName, string NewPassword)
{
    /// <summary>The journal kind.</summary>
    public const string JournalKind = "user.password-reset";

    /// <summary>The request as typed.</summary>
    public sealed record Form(string? NewPassword)
    {
        public override string ToString() => "Form { NewPassword = *** }";
    }

    public static bool TryParse(string userName, Form form, out ResetPassword? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(form);
        var found = new List<FieldError>();
        if (string.IsNullOrEmpty(form.NewPassword))
        {
            found.Add(new FieldError("newPassword", "Required", "newPassword: give the temporary password"));
        }
        errors = found;
        command = found.Count == 0 ? new ResetPassword(userName.Trim(), form.NewPassword!) : null;
        return command is not null;
    }

    public override string ToString() => $"ResetPassword {{ UserName = {UserName}, NewPassword = *** }}";
}
