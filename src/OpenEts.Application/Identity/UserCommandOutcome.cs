using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Identity;

/// <summary>How a user-management or own-account command ended.</summary>
public abstract record UserCommandOutcome
{
    private UserCommandOutcome()
    {
    }

    /// <summary>Done and journalled; <paramref name="User"/> as stored afterwards.</summary>
    public sealed record Completed(UserRecord User) : UserCommandOutcome;

    /// <summary>
    /// Refused by a rule, nothing changed: a password rule (<see cref="PasswordPolicy"/>), <c>WrongPassword</c>,
    /// <c>UnknownOrganisation</c>, <c>OrganisationKind</c>, <c>SelfLockout</c> (a regulator may not disable themselves or
    /// drop their own regulator role), <c>SessionRequiredForPassword</c> (an API token may not change a password).
    /// </summary>
    public sealed record Refused(string Field, string Rule, string Message, RefusalKind Kind) : UserCommandOutcome;

    /// <summary>The actor's role may not do this (<paramref name="Allowed"/> may).</summary>
    public sealed record Forbidden(IReadOnlyList<Role> Allowed) : UserCommandOutcome;

    /// <summary>There is no user with that name.</summary>
    public sealed record NotFound(string UserName) : UserCommandOutcome;

    /// <summary>A field could not be read; nothing changed.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : UserCommandOutcome;
}
