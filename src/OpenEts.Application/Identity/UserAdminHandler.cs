using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Identity;

/// <summary>A user as the regulator's user list shows it: the record and the organisation it belongs to.</summary>
public sealed record UserSummary(UserRecord User, Organisation? Organisation);

/// <summary>
/// The regulator's user management: list users, change a user's access, disable and enable an account, reset a
/// password. Each checks the role (<see cref="Roles"/>), refuses what would lock the regulator out of the platform,
/// runs in one write transaction and is journalled without secrets. Creating a user is <see cref="CreateUserHandler"/>.
/// </summary>
public sealed class UserAdminHandler(IStore store, IPasswordHashing hashing, Sessions sessions, TimeProvider time)
{
    /// <summary>Who manages users: the regulator.</summary>
    public static IReadOnlyList<Role> Roles => CreateUser.Roles;

    /// <summary>The journal kind of enabling an account.</summary>
    public const string EnabledKind = "user.enabled";

    /// <summary>The journal kind of the regulator clearing a user's two-factor enrolment.</summary>
    public const string TwoFactorResetKind = "user.2fa-reset";

    /// <summary>Every user with their organisation; null when the actor may not see them.</summary>
    public async Task<IReadOnlyList<UserSummary>?> ListAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Roles.Contains(actor.Role))
        {
            return null;
        }
        return await store.ReadAsync<IReadOnlyList<UserSummary>>(async s =>
        {
            var organisations = (await s.Organisations.ListAsync(new OrganisationFilter()).ConfigureAwait(false)).ToDictionary(o => o.Id);
            return [.. (await s.Users.ListAllAsync().ConfigureAwait(false))
                .Select(u => new UserSummary(u, u.OrganisationId is { } id ? organisations.GetValueOrDefault(id) : null))];
        }, ct).ConfigureAwait(false);
    }

    /// <summary>One user with their organisation; null when there is none or the actor may not see it.</summary>
    public async Task<UserSummary?> FindAsync(Actor actor, string userName, CancellationToken ct) =>
        (await ListAsync(actor, ct).ConfigureAwait(false))?.FirstOrDefault(u => string.Equals(u.User.UserName, userName?.Trim(), StringComparison.Ordinal));

    public async Task<UserCommandOutcome> ChangeAccessAsync(Actor actor, ChangeUserAccess command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!Roles.Contains(actor.Role))
        {
            return new UserCommandOutcome.Forbidden(Roles);
        }
        return await store.WriteAsync<UserCommandOutcome>(async s =>
        {
            if (await s.Users.FindByNameAsync(command.UserName).ConfigureAwait(false) is not { } user)
            {
                return new UserCommandOutcome.NotFound(command.UserName);
            }
            if (user.Id == actor.UserId && command.Role != Role.Regulator)
            {
                return SelfLockout("role", "role: you may not take away your own regulator role (another regulator can)");
            }
            var (organisationId, refusal) = await CreateUserHandler.ResolveOrganisationAsync(s, command.Organisation, command.Role)
                .ConfigureAwait(false);
            if (refusal is { } r)
            {
                return new UserCommandOutcome.Refused("organisation", r.Rule, r.Message, RefusalKind.Malformed);
            }
            var displayName = command.DisplayName.Length > 0 ? command.DisplayName : user.DisplayName;
            var now = time.GetUtcNow();
            await s.Users.UpdateAccessAsync(user.Id, displayName, command.Role, organisationId).ConfigureAwait(false);
            // The role and organisation are claims of the sign-in cookie: end the sessions so the next one carries the new ones.
            await s.Users.SetSecurityStampAsync(user.Id, SecurityStamps.New()).ConfigureAwait(false);
            await s.Journal.AppendAsync(now, actor.UserName, ChangeUserAccess.JournalKind, user.UserName, Json.Object(
                ("displayName", displayName), ("role", Domain.Identity.Roles.Name(command.Role)), ("organisation", command.Organisation?.Value),
                ("previousRole", Domain.Identity.Roles.Name(user.Role)))).ConfigureAwait(false);
            return new UserCommandOutcome.Completed((await s.Users.FindAsync(user.Id).ConfigureAwait(false))!);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Disables an account: its sessions end and its API tokens are revoked (<see cref="Sessions.DisableUserAsync"/>).</summary>
    public async Task<UserCommandOutcome> DisableAsync(Actor actor, string userName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Roles.Contains(actor.Role))
        {
            return new UserCommandOutcome.Forbidden(Roles);
        }
        if (await FindByNameAsync(userName, ct).ConfigureAwait(false) is not { } user)
        {
            return new UserCommandOutcome.NotFound(userName);
        }
        if (user.Id == actor.UserId)
        {
            return SelfLockout("userName", "userName: you may not disable your own account (another regulator can)");
        }
        // False only when it already was disabled: nothing to do, and the outcome says how it is.
        await sessions.DisableUserAsync(actor, user.Id, time.GetUtcNow(), ct).ConfigureAwait(false);
        return new UserCommandOutcome.Completed((await FindByNameAsync(userName, ct).ConfigureAwait(false))!);
    }

    /// <summary>Enables a disabled account; it signs in again with its password.</summary>
    public async Task<UserCommandOutcome> EnableAsync(Actor actor, string userName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Roles.Contains(actor.Role))
        {
            return new UserCommandOutcome.Forbidden(Roles);
        }
        return await store.WriteAsync<UserCommandOutcome>(async s =>
        {
            if (await s.Users.FindByNameAsync(userName.Trim()).ConfigureAwait(false) is not { } user)
            {
                return new UserCommandOutcome.NotFound(userName);
            }
            if (await s.Users.SetDisabledAsync(user.Id, null).ConfigureAwait(false))
            {
                await s.Journal.AppendAsync(time.GetUtcNow(), actor.UserName, EnabledKind, user.UserName, "{}").ConfigureAwait(false);
            }
            return new UserCommandOutcome.Completed((await s.Users.FindAsync(user.Id).ConfigureAwait(false))!);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Sets a temporary password: the user's sessions end and they must change it at their next sign-in.</summary>
    public async Task<UserCommandOutcome> ResetPasswordAsync(Actor actor, ResetPassword command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!Roles.Contains(actor.Role))
        {
            return new UserCommandOutcome.Forbidden(Roles);
        }
        if (PasswordPolicy.Check(command.NewPassword, command.UserName) is { } weak)
        {
            return new UserCommandOutcome.Refused("newPassword", weak.Rule, "newPassword: " + weak.Message, RefusalKind.Malformed);
        }
        // Hashing is slow on purpose: before the write transaction, which serialises every writer.
        var hash = hashing.Hash(command.NewPassword);
        return await store.WriteAsync<UserCommandOutcome>(async s =>
        {
            if (await s.Users.FindByNameAsync(command.UserName).ConfigureAwait(false) is not { } user)
            {
                return new UserCommandOutcome.NotFound(command.UserName);
            }
            await s.Users.SetPasswordAsync(user.Id, hash, mustChange: true).ConfigureAwait(false);
            await s.Users.SetSecurityStampAsync(user.Id, SecurityStamps.New()).ConfigureAwait(false);
            await s.Journal.AppendAsync(time.GetUtcNow(), actor.UserName, ResetPassword.JournalKind, user.UserName, "{}").ConfigureAwait(false);
            return new UserCommandOutcome.Completed((await s.Users.FindAsync(user.Id).ConfigureAwait(false))!);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Clears the two-factor enrolment of a user who lost their authenticator and their recovery codes: the secret and
    /// the recovery codes are gone, the user's sessions end, and a user whose role requires two-factor sign-in must enrol
    /// again at the next sign-in. A regulator may not clear their own (turning it off needs a code; another regulator can).
    /// </summary>
    public async Task<UserCommandOutcome> ResetTwoFactorAsync(Actor actor, string userName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Roles.Contains(actor.Role))
        {
            return new UserCommandOutcome.Forbidden(Roles);
        }
        return await store.WriteAsync<UserCommandOutcome>(async s =>
        {
            if (await s.Users.FindByNameAsync((userName ?? "").Trim()).ConfigureAwait(false) is not { } user)
            {
                return new UserCommandOutcome.NotFound(userName ?? "");
            }
            if (user.Id == actor.UserId)
            {
                return SelfLockout("userName", "userName: you may not clear your own two-factor sign-in here (turn it off with a code, or ask another regulator)");
            }
            if (user.TwoFactor == TwoFactorState.None)
            {
                return new UserCommandOutcome.Completed(user);
            }
            await s.Users.SetTwoFactorAsync(user.Id, TwoFactorState.None).ConfigureAwait(false);
            await s.Users.SetSecurityStampAsync(user.Id, SecurityStamps.New()).ConfigureAwait(false);
            await s.Journal.AppendAsync(time.GetUtcNow(), actor.UserName, TwoFactorResetKind, user.UserName,
                Json.Object(("wasEnabled", user.TwoFactor.IsEnabled))).ConfigureAwait(false);
            return new UserCommandOutcome.Completed((await s.Users.FindAsync(user.Id).ConfigureAwait(false))!);
        }, ct).ConfigureAwait(false);
    }

    private Task<UserRecord?> FindByNameAsync(string userName, CancellationToken ct) =>
        store.ReadAsync(s => s.Users.FindByNameAsync((userName ?? "").Trim()), ct);

    private static UserCommandOutcome.Refused SelfLockout(string field, string message) =>
        new(field, "SelfLockout", message, RefusalKind.Conflict);
}
