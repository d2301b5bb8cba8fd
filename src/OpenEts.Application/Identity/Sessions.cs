using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.Identity;

/// <summary>
/// Ends sessions by replacing the user's security stamp (as ASP.NET Core Identity's SecurityStampValidator does): a
/// sign-in cookie carries the stamp it was issued with, and the server checks it against the stored one on every
/// request. Signing out, "sign out everywhere", a password change and disabling the account each replace it; each is
/// journalled, without secrets.
/// </summary>
public sealed class Sessions(IStore store, IPasswordHashing hashing)
{
    /// <summary>The stamp a cookie of this user must carry, or null when the user is gone or disabled.</summary>
    public Task<string?> CurrentStampAsync(long userId, CancellationToken ct) =>
        store.ReadAsync(async s => await s.Users.FindAsync(userId).ConfigureAwait(false) is { DisabledAt: null } user
            ? user.SecurityStamp
            : null, ct);

    /// <summary>Signing out: the cookie being dropped, and any copy kept of it, stop working.</summary>
    public Task SignOutAsync(Actor actor, DateTimeOffset now, CancellationToken ct) =>
        EndSessionsAsync(actor, actor.UserId, actor.UserName, "user.signed-out", now, ct);

    /// <summary>Ends every session of the signed-in user, on every device (API tokens live on: revoke them one by one).</summary>
    public Task SignOutEverywhereAsync(Actor actor, DateTimeOffset now, CancellationToken ct) =>
        EndSessionsAsync(actor, actor.UserId, actor.UserName, "user.signed-out-everywhere", now, ct);

    /// <summary>
    /// Changes the signed-in user's own password (<see cref="ChangeOwnPassword"/>): the current password must match, the
    /// new one pass <see cref="PasswordPolicy"/>. Every session ends (the caller signs its own session in again with the
    /// returned user's new stamp) and a temporary password stops being one.
    /// </summary>
    public async Task<UserCommandOutcome> ChangePasswordAsync(Actor actor, ChangeOwnPassword command, DateTimeOffset now,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (actor.ViaToken)
        {
            return new UserCommandOutcome.Refused("token", "SessionRequiredForPassword",
                "only a signed-in session may change the password, not an API token", Registry.RefusalKind.Forbidden);
        }
        var user = await store.ReadAsync(s => s.Users.FindAsync(actor.UserId), ct).ConfigureAwait(false);
        if (user is null || hashing.Verify(user.PasswordHash, command.CurrentPassword) == PasswordCheck.Failed)
        {
            return new UserCommandOutcome.Refused("currentPassword", "WrongPassword", "currentPassword: this is not your current password",
                Registry.RefusalKind.Malformed);
        }
        if (PasswordPolicy.Check(command.NewPassword, user.UserName) is { } weak)
        {
            return new UserCommandOutcome.Refused("newPassword", weak.Rule, "newPassword: " + weak.Message, Registry.RefusalKind.Malformed);
        }
        var hash = hashing.Hash(command.NewPassword);
        return await store.WriteAsync<UserCommandOutcome>(async s =>
        {
            await s.Users.SetPasswordAsync(user.Id, hash, mustChange: false).ConfigureAwait(false);
            await s.Users.SetSecurityStampAsync(user.Id, SecurityStamps.New()).ConfigureAwait(false);
            await s.Journal.AppendAsync(now, actor.UserName, ChangeOwnPassword.JournalKind, user.UserName, "{}").ConfigureAwait(false);
            return new UserCommandOutcome.Completed((await s.Users.FindAsync(user.Id).ConfigureAwait(false))!);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Disables an account (the regulator's act): it can no longer sign in, its sessions end and all its API tokens are
    /// revoked. False when there is no such user, it already was disabled, or the actor is not the regulator.
    /// </summary>
    public Task<bool> DisableUserAsync(Actor actor, long userId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role != Role.Regulator)
        {
            return Task.FromResult(false);
        }
        return store.WriteAsync(async s =>
        {
            var user = await s.Users.FindAsync(userId).ConfigureAwait(false);
            if (user is null || !await s.Users.SetDisabledAsync(user.Id, now).ConfigureAwait(false))
            {
                return false;
            }
            await s.Users.SetSecurityStampAsync(user.Id, SecurityStamps.New()).ConfigureAwait(false);
            var revoked = await s.Users.RevokeAllTokensAsync(user.Id, now).ConfigureAwait(false);
            await s.Journal.AppendAsync(now, actor.UserName, "user.disabled", user.UserName,
                Json.Object(("tokensRevoked", revoked))).ConfigureAwait(false);
            return true;
        }, ct);
    }

    private Task<bool> EndSessionsAsync(Actor actor, long userId, string userName, string action, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.WriteAsync(async s =>
        {
            await s.Users.SetSecurityStampAsync(userId, SecurityStamps.New()).ConfigureAwait(false);
            await s.Journal.AppendAsync(now, actor.UserName, action, userName, "{}").ConfigureAwait(false);
            return true;
        }, ct);
    }
}
