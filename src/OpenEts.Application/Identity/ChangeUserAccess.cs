using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Identity;

/// <summary>
/// The regulator changes a user's display name, role and organisation (the organisation by credit code, of a kind the
/// role may belong to). The user's sessions end, so the next sign-in carries the new role. A regulator may not drop their
/// own regulator role: the platform would lose the person who manages it.
/// </summary>
public sealed record ChangeUserAccess(string UserName, string DisplayName, Role Role, CreditCode? Organisation)
{
    /// <summary>The journal kind.</summary>
    public const string JournalKind = "user.access-changed";

    /// <summary>The request as typed: role, organisation (credit code, blank for none), display name (blank keeps it).</summary>
    public sealed record Form(string? Role, string? Organisation, string? DisplayName);

    /// <summary>Reads the form for the user <paramref name="userName"/> by the same rules as creating a user.</summary>
    public static bool TryParse(string userName, Form form, out ChangeUserAccess? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(form);
        var found = new List<FieldError>();
        var (role, organisation) = CreateUser.ReadAccess(found, form.Role, form.Organisation);
        // Blank keeps the current display name; the handler fills it in.
        var displayName = CreateUser.ReadDisplayName(found, form.DisplayName, "");
        errors = found;
        command = found.Count == 0 ? new ChangeUserAccess(userName.Trim(), displayName, role, organisation) : null;
        return command is not null;
    }
}
