using System.Globalization;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Identity;

/// <summary>
/// Create a platform user: the first regulator on a real database (<c>ets admin create-user</c>), later any user the
/// regulator adds. Journalled as <see cref="JournalKind"/> without the password or its hash.
/// </summary>
/// <param name="UserName">The sign-in name: 1–<see cref="MaxUserNameLength"/> ASCII letters, digits, '.', '-', '_'.</param>
/// <param name="DisplayName">The name shown (Chinese welcome); the user name when none is given.</param>
/// <param name="Role">One of the platform roles.</param>
/// <param name="Organisation">The organisation the user belongs to; required for the roles that act for one.</param>
/// <param name="Password">The password as typed; only its hash is stored. Checked by <see cref="PasswordPolicy"/>.</param>
public sealed record CreateUser(string UserName, string DisplayName, Role Role, CreditCode? Organisation, string Password)
{
    /// <summary>The journal kind of a user creation.</summary>
    public const string JournalKind = "identity.user.created";

    public const int MaxUserNameLength = 64;

    public const int MaxDisplayNameLength = 100;

    /// <summary>Who may create users: the regulator.</summary>
    public static IReadOnlyList<Role> Roles { get; } = [Role.Regulator];

    /// <summary>
    /// The kinds of organisation a role may belong to, and whether it must: a company representative, a verifier and an
    /// exchange member act for their organisation; the regulator and the auditor may name theirs; a citizen has none.
    /// </summary>
    public static (IReadOnlyList<OrganisationKind> Kinds, bool Required) OrganisationOf(Role role) => role switch
    {
        Role.CompanyRepresentative => ([OrganisationKind.Company, OrganisationKind.Investor], true),
        Role.Verifier => ([OrganisationKind.Verifier], true),
        Role.ExchangeMember => ([OrganisationKind.Exchange, OrganisationKind.Company, OrganisationKind.Investor], true),
        Role.Regulator => ([OrganisationKind.Regulator], false),
        Role.Auditor => ([OrganisationKind.Auditor], false),
        _ => ([], false),
    };

    /// <summary>
    /// The request as typed. Field names: userName, role, organisation, displayName, password. A null password is one asked
    /// for after the form is read (the command line's prompt), which the handler checks; a form's empty box is "".
    /// </summary>
    public sealed record Form(string? UserName, string? Role, string? Organisation, string? DisplayName, string? Password)
    {
        public override string ToString() =>
            $"Form {{ UserName = {UserName}, Role = {Role}, Organisation = {Organisation}, DisplayName = {DisplayName}, Password = *** }}";
    }

    /// <summary>
    /// Reads the form: the user name, role, organisation code, display name and the password's policy, every field's error
    /// together. Whether the organisation exists is the handler's (<see cref="CreateUserHandler"/>).
    /// </summary>
    public static bool TryParse(Form form, out CreateUser? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var found = new List<FieldError>();
        var userName = (form.UserName ?? "").Trim();
        if (userName.Length is 0 or > MaxUserNameLength || !userName.All(IsUserNameChar))
        {
            // Not the registry's "UserName" (1–128 printable characters, which names an existing user): a new name is stricter.
            found.Add(new FieldError("userName", "UserNameFormat", string.Create(CultureInfo.InvariantCulture,
                $"userName: a user name is 1–{MaxUserNameLength} of the letters A–Z and a–z, the digits 0–9, '.', '-' and '_', with no spaces (was '{Printable(userName)}')")));
        }
        var (role, organisation) = ReadAccess(found, form.Role, form.Organisation);
        var displayName = ReadDisplayName(found, form.DisplayName, userName);
        // The policy's verdict with the form's other errors, so that one submit names them all (the handler checks it again).
        if (form.Password is not null && PasswordPolicy.Check(form.Password, userName) is { } weak)
        {
            found.Add(new FieldError("password", weak.Rule, "password: " + weak.Message));
        }
        errors = found;
        command = found.Count == 0 ? new CreateUser(userName, displayName, role, organisation, form.Password ?? "") : null;
        return command is not null;
    }

    /// <summary>
    /// Reads a role and an organisation's credit code by their rules (a role by name only; the organisation required for
    /// a role that acts for one, refused for a citizen). Shared with <see cref="ChangeUserAccess"/>.
    /// </summary>
    internal static (Role Role, CreditCode? Organisation) ReadAccess(List<FieldError> found, string? roleField, string? organisationField)
    {
        var roleText = (roleField ?? "").Trim();
        // Names only: Enum.TryParse would also take "0" or "1,2".
        var isRole = Domain.Identity.Roles.TryParse(roleText, out var role) && roleText.All(char.IsAsciiLetter);
        if (!isRole)
        {
            found.Add(new FieldError("role", "Role",
                $"role: '{Printable(roleText)}' is not a platform role ({string.Join(", ", Domain.Identity.Roles.OfPeople)})"));
        }
        CreditCode? organisation = null;
        if (!string.IsNullOrWhiteSpace(organisationField))
        {
            var parse = CreditCode.Parse(organisationField);
            if (parse.Success)
            {
                organisation = parse.Code;
            }
            else
            {
                found.Add(new FieldError("organisation", "CreditCode", $"organisation: the credit code {parse.Message}"));
            }
        }
        if (isRole)
        {
            var (kinds, required) = OrganisationOf(role);
            if (required && organisation is null && !found.Exists(e => e.Field == "organisation"))
            {
                found.Add(new FieldError("organisation", "OrganisationRequired",
                    $"organisation: a {role} acts for an organisation: give its credit code"));
            }
            if (kinds.Count == 0 && organisation is not null)
            {
                found.Add(new FieldError("organisation", "OrganisationNotAllowed", $"organisation: a {role} belongs to no organisation"));
            }
        }
        return (role, organisation);
    }

    /// <summary>The display name as typed, or <paramref name="fallback"/> when blank; no control or direction characters.</summary>
    internal static string ReadDisplayName(List<FieldError> found, string? typed, string fallback)
    {
        var displayName = string.IsNullOrWhiteSpace(typed) ? fallback : typed.Trim();
        if (!string.IsNullOrWhiteSpace(typed) && (displayName.Length > MaxDisplayNameLength || displayName.Any(IsHiddenChar)))
        {
            found.Add(new FieldError("displayName", "DisplayName", string.Create(CultureInfo.InvariantCulture,
                $"displayName: a display name has at most {MaxDisplayNameLength} characters and no control or direction-changing characters")));
        }
        return displayName;
    }

    /// <summary>
    /// Whether the new user must choose their own password at first sign-in: yes when a signed-in regulator set it (a
    /// temporary password someone else knows); no for the operator's own first account from the command line.
    /// </summary>
    public static bool IsTemporaryPassword(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.UserId > 0;
    }

    public override string ToString() =>
        $"CreateUser {{ UserName = {UserName}, DisplayName = {DisplayName}, Role = {Role}, Organisation = {Organisation}, Password = *** }}";

    private static bool IsUserNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';

    // Control characters (Cc) and invisible formatting ones (Cf: bidirectional overrides such as U+202E), except the
    // zero-width joiners that some scripts need.
    private static bool IsHiddenChar(char c) => char.IsControl(c)
        || (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c is not ('\u200C' or '\u200D'));

    private static string Printable(string text) =>
        new([.. text.Take(MaxUserNameLength + 1).Select(c => IsHiddenChar(c) ? '?' : c)]);
}

/// <summary>How creating a user ended.</summary>
public abstract record CreateUserOutcome
{
    /// <summary>The user was stored and the creation journalled.</summary>
    public sealed record Created(UserRecord User) : CreateUserOutcome;

    /// <summary>
    /// Refused, nothing stored: the password breaks the policy, the organisation is unknown or of the wrong kind, or the
    /// user name is taken. Rules: the <see cref="PasswordPolicy"/> rules, <c>UnknownOrganisation</c>,
    /// <c>OrganisationKind</c>, <c>DuplicateUserName</c>.
    /// </summary>
    public sealed record Refused(string Field, string Rule, string Message) : CreateUserOutcome;

    /// <summary>The actor's role may not create users.</summary>
    public sealed record Forbidden(IReadOnlyList<Role> Allowed) : CreateUserOutcome;
}

/// <summary>Runs <see cref="CreateUser"/>: the actor's role, the password policy, the organisation, the unique name, the journal.</summary>
public sealed class CreateUserHandler(IStore store, IPasswordHashing hashing, TimeProvider time)
{
    public async Task<CreateUserOutcome> HandleAsync(Actor actor, CreateUser command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!CreateUser.Roles.Contains(actor.Role))
        {
            return new CreateUserOutcome.Forbidden(CreateUser.Roles);
        }
        if (PasswordPolicy.Check(command.Password, command.UserName) is { } weak)
        {
            return new CreateUserOutcome.Refused("password", weak.Rule, "password: " + weak.Message);
        }
        // Hashing is slow on purpose: do it before the write transaction, which serialises every writer.
        var hash = hashing.Hash(command.Password);
        try
        {
            return await store.WriteAsync(s => InsertAsync(s, actor, command, hash), ct).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            return Duplicate(command.UserName);
        }
    }

    private async Task<CreateUserOutcome> InsertAsync(IStoreSession s, Actor actor, CreateUser command, string hash)
    {
        if (await s.Users.FindByNameAsync(command.UserName).ConfigureAwait(false) is not null)
        {
            return Duplicate(command.UserName);
        }
        var (organisationId, refusal) = await ResolveOrganisationAsync(s, command.Organisation, command.Role).ConfigureAwait(false);
        if (refusal is not null)
        {
            return new CreateUserOutcome.Refused("organisation", refusal.Value.Rule, refusal.Value.Message);
        }
        var now = time.GetUtcNow();
        var user = await s.Users.InsertAsync(new UserRecord(0, command.UserName, command.DisplayName, command.Role, organisationId,
            hash, 0, null) { MustChangePassword = CreateUser.IsTemporaryPassword(actor) }, now).ConfigureAwait(false);
        await s.Journal.AppendAsync(now, actor.UserName, CreateUser.JournalKind, user.UserName,
            Json.Object(("userName", user.UserName), ("displayName", user.DisplayName), ("role", Roles.Name(user.Role)),
                ("organisation", command.Organisation?.Value))).ConfigureAwait(false);
        return new CreateUserOutcome.Created(user);
    }

    /// <summary>
    /// The id of the organisation with <paramref name="code"/>, checked to be of a kind <paramref name="role"/> may belong
    /// to; or the rule it breaks (<c>UnknownOrganisation</c>, <c>OrganisationKind</c>). Shared with changing a user's access.
    /// </summary>
    internal static async Task<(long? Id, (string Rule, string Message)? Refusal)> ResolveOrganisationAsync(
        IStoreSession s, CreditCode? code, Role role)
    {
        if (code is not { } c)
        {
            return (null, null);
        }
        if (await s.Organisations.FindByCodeAsync(c).ConfigureAwait(false) is not { } organisation)
        {
            return (null, ("UnknownOrganisation", $"organisation: there is no organisation with the credit code {c}"));
        }
        var (kinds, _) = CreateUser.OrganisationOf(role);
        if (!kinds.Contains(organisation.Kind))
        {
            return (null, ("OrganisationKind", $"organisation: {c} ({organisation.Name}) is a {organisation.Kind} organisation; a {role} belongs to a "
                + string.Join(" or ", kinds) + " organisation"));
        }
        return (organisation.Id, null);
    }

    private static CreateUserOutcome.Refused Duplicate(string userName) =>
        new("userName", "DuplicateUserName", $"userName: there is already a user '{userName}'");
}
