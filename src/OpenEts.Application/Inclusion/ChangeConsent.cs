using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A citizen gives consent to the notice in force, or withdraws it (个人信息保护法 Art. 15: withdrawal as easy as giving).
/// Without consent the platform records none of their actions (<c>NoConsent</c>); what it holds stays, to be exported or
/// erased. Giving again while consent stands, or withdrawing while none stands, changes nothing and journals nothing.
/// Completed with the citizen's <see cref="CitizenPrivacy"/>.
/// </summary>
public sealed record ChangeConsent(bool Give, string Version) : IInclusionCommand
{
    /// <summary>As typed: <paramref name="Action"/> is <c>give</c> or <c>withdraw</c>; giving names the notice version shown.</summary>
    public sealed record Form(string? Action, string? ConsentVersion);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => InclusionRoles.Citizens;

    public static bool TryParse(Form form, [NotNullWhen(true)] out ChangeConsent? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var action = FieldReader.Text(form.Action).ToLowerInvariant();
        if (action is not ("give" or "withdraw"))
        {
            read.Fail("action", "UnknownValue", "action is give or withdraw");
        }
        var version = FieldReader.Text(form.ConsentVersion);
        if (action == "give" && !ConsentNotice.Current.Permits(version))
        {
            read.Fail("consentVersion", "ConsentOutdated",
                $"consentVersion: the notice in force is version {ConsentNotice.Current.Version}; read it and agree again");
        }
        command = read.IsValid ? new ChangeConsent(action == "give", action == "give" ? version : "") : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var data = work.Session.Inclusion;
        var existing = await data.CitizenAsync(work.Actor.UserId).ConfigureAwait(false);
        var profile = existing ?? new CitizenProfile(work.Actor.UserId, null, null, work.Now, null, null, null);
        if (profile.ErasedAt is not null)
        {
            return new InclusionCommandOutcome.Refused("AccountErased", "action", "this account's data is erased", RefusalKind.Conflict);
        }
        // An account the regulator created has no profile: its consent was taken outside the platform and stands.
        var standing = existing is null || ConsentNotice.Current.Permits(profile.ConsentVersion);
        if (Give != standing)
        {
            await data.SaveCitizenAsync(profile with { ConsentVersion = Give ? Version : null, ConsentAt = work.Now }).ConfigureAwait(false);
            if (Give)
            {
                await data.InsertConsentAsync(work.Actor.UserId, Version, work.Now).ConfigureAwait(false);
            }
            else
            {
                await data.WithdrawConsentsAsync(work.Actor.UserId, work.Now).ConfigureAwait(false);
            }
            await work.JournalAsync(Give ? "consent.given" : "consent.withdrawn", work.Actor.UserName,
                new { version = Give ? Version : profile.ConsentVersion }).ConfigureAwait(false);
        }
        return new InclusionCommandOutcome.Completed(new CitizenPrivacy(work.Actor.UserName, ConsentNotice.Current,
            await data.CitizenAsync(work.Actor.UserId).ConfigureAwait(false), await data.ConsentsAsync(work.Actor.UserId).ConfigureAwait(false)));
    }
}
