using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// Erases a citizen's personal information (删除个人信息, 个人信息保护法 Art. 47): the citizen their own, the regulator
/// any citizen's on their request. Typed confirmation: the account's user name. What goes: nickname and contact, the
/// password (the account can no longer sign in; every session and token ends), every raw action (source, event id,
/// time, quantity), the coin lots, and redemption codes. What stays, no longer personal: the wallet's totals (spendable
/// coins are forfeited as expired, so coins stay conserved), the daily reductions merged across sources (so aggregated
/// PHCER totals do not change), the consent history and the journal, which name the account only by its pseudonym.
/// Completed with <see cref="CitizenErased"/>.
/// </summary>
public sealed record EraseCitizen(string? UserName, string Confirm) : IInclusionCommand
{
    /// <summary>The source every merged daily row carries after erasure.</summary>
    public const string ErasedSource = "erased";

    /// <summary>As typed: whose account (empty: one's own), and the user name typed again to confirm.</summary>
    public sealed record Form(string? UserName, string? Confirm);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => InclusionRoles.Erasers;

    public static bool TryParse(Form form, [NotNullWhen(true)] out EraseCitizen? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var confirm = FieldReader.Text(form.Confirm);
        if (confirm.Length == 0)
        {
            read.Fail("confirm", "Required", "confirm: type the account's user name to confirm");
        }
        var userName = FieldReader.Text(form.UserName);
        command = read.IsValid ? new EraseCitizen(userName.Length == 0 ? null : userName, confirm) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var s = work.Session;
        var self = UserName is null || (work.Actor.Role == Role.Citizen && UserName == work.Actor.UserName);
        if (!self && work.Actor.Role == Role.Citizen)
        {
            return new InclusionCommandOutcome.Refused("NotYourself", "userName", "a citizen erases only their own account", RefusalKind.Forbidden);
        }
        var user = self && work.Actor.Role == Role.Citizen
            ? await s.Users.FindAsync(work.Actor.UserId).ConfigureAwait(false)
            : await s.Users.FindByNameAsync(UserName ?? "").ConfigureAwait(false);
        if (user is not { Role: Role.Citizen })
        {
            return new InclusionCommandOutcome.Refused("UnknownCitizen", "userName", $"{UserName} is not a citizen", RefusalKind.Conflict);
        }
        if (!string.Equals(Confirm, user.UserName, StringComparison.Ordinal))
        {
            return new InclusionCommandOutcome.Refused("ConfirmMismatch", "confirm", $"confirm: type {user.UserName} to erase this account", RefusalKind.Malformed);
        }
        var data = s.Inclusion;
        var profile = await data.CitizenAsync(user.Id).ConfigureAwait(false);
        if (profile?.ErasedAt is not null)
        {
            return new InclusionCommandOutcome.Refused("AccountErased", "userName", $"{user.UserName}'s data is erased already", RefusalKind.Conflict);
        }
        var forfeited = 0L;
        foreach (var wallet in await data.WalletsAsync(user.Id).ConfigureAwait(false))
        {
            var lots = await data.LotsAsync(user.Id, wallet.Programme, DateOnly.MinValue).ConfigureAwait(false);
            var left = CitizenErasure.Forfeit(lots);
            forfeited += left;
            await data.SaveWalletAsync(wallet with { Expired = wallet.Expired + left }).ConfigureAwait(false);
            await data.AddProgrammeTotalsAsync(ProgrammeTotals.None(wallet.Programme) with { Expired = left }).ConfigureAwait(false);
            var daily = await data.DailyAsync(user.Id, wallet.Programme, DateOnly.MinValue, DateOnly.MaxValue).ConfigureAwait(false);
            await data.DeleteDailyAsync(user.Id, wallet.Programme).ConfigureAwait(false);
            foreach (var row in CitizenErasure.MergeSources(daily, ErasedSource))
            {
                await data.AddDailyAsync(user.Id, wallet.Programme, row).ConfigureAwait(false);
            }
        }
        var events = await data.ErasePersonalDataAsync(user.Id, work.Now).ConfigureAwait(false);
        await s.Users.SetPasswordAsync(user.Id, "!erased", false).ConfigureAwait(false);
        await s.Users.UpdateAccessAsync(user.Id, user.UserName, user.Role, null).ConfigureAwait(false);
        await s.Users.SetDisabledAsync(user.Id, work.Now).ConfigureAwait(false);
        await s.Users.SetSecurityStampAsync(user.Id, Guid.NewGuid().ToString("N")).ConfigureAwait(false);
        await s.Users.RevokeAllTokensAsync(user.Id, work.Now).ConfigureAwait(false);
        var erased = new CitizenErased(user.UserName, events, forfeited);
        await work.JournalAsync("citizen.erased", user.UserName, new { events, forfeitedCoins = forfeited, onRequest = !self }).ConfigureAwait(false);
        return new InclusionCommandOutcome.Completed(erased);
    }
}
