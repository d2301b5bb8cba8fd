using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A citizen corrects the nickname and contact they gave at sign-up (个人信息保护法 Art. 46: the right to correct and
/// complete), under the same rules as sign-up; leaving one empty removes it. An account the regulator created holds
/// neither (<c>NoProfile</c>), an erased one nothing (<c>AccountErased</c>). The journal names the fields changed, never
/// their values. Completed with the citizen's <see cref="CitizenPrivacy"/>.
/// </summary>
public sealed record CorrectProfile(string? Nickname, string? Contact) : IInclusionCommand
{
    /// <summary>As typed.</summary>
    public sealed record Form(string? Nickname, string? Contact)
    {
        public override string ToString() => $"Form {{ Nickname = {Nickname}, Contact = *** }}";
    }

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => InclusionRoles.Citizens;

    public static bool TryParse(Form form, [NotNullWhen(true)] out CorrectProfile? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var (nickname, contact) = SignUpCitizen.ReadProfile(read, form.Nickname, form.Contact);
        command = read.IsValid ? new CorrectProfile(nickname, contact) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var data = work.Session.Inclusion;
        if (await data.CitizenAsync(work.Actor.UserId).ConfigureAwait(false) is not { } profile)
        {
            return new InclusionCommandOutcome.Refused("NoProfile", "nickname",
                "this account was opened by the regulator and holds no nickname or contact", RefusalKind.Conflict);
        }
        if (profile.ErasedAt is not null)
        {
            return new InclusionCommandOutcome.Refused("AccountErased", "nickname", "this account's data is erased", RefusalKind.Conflict);
        }
        string[] changed = [.. new[] { ("nickname", profile.Nickname != Nickname), ("contact", profile.Contact != Contact) }.Where(c => c.Item2).Select(c => c.Item1)];
        if (changed.Length > 0)
        {
            await data.SaveCitizenAsync(profile with { Nickname = Nickname, Contact = Contact }).ConfigureAwait(false);
            await work.JournalAsync("citizen.corrected", work.Actor.UserName, new { fields = changed }).ConfigureAwait(false);
        }
        return new InclusionCommandOutcome.Completed(new CitizenPrivacy(work.Actor.UserName, ConsentNotice.Current, profile with { Nickname = Nickname, Contact = Contact },
            await data.ConsentsAsync(work.Actor.UserId).ConfigureAwait(false)));
    }

    public override string ToString() => $"CorrectProfile {{ Nickname = {Nickname}, Contact = *** }}";
}
