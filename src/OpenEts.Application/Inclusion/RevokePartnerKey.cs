using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// The regulator revokes a partner's key (吊销): from then on every submission with it is refused. A partner that needs
/// to go on gets a new key (<see cref="IssuePartnerKey"/>), which is how a key is rotated. Completed with the partner.
/// </summary>
public sealed record RevokePartnerKey(long Partner) : IInclusionCommand
{
    public sealed record Form(long? Partner);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => InclusionRoles.Regulators;

    public static bool TryParse(Form form, [NotNullWhen(true)] out RevokePartnerKey? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        if (form.Partner is not > 0)
        {
            read.Fail("partner", "Required", "partner: the partner's id");
        }
        command = read.IsValid ? new RevokePartnerKey(form.Partner!.Value) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var data = work.Session.Inclusion;
        if ((await data.PartnersAsync().ConfigureAwait(false)).FirstOrDefault(p => p.Id == Partner) is not { } partner)
        {
            return new InclusionCommandOutcome.Refused("UnknownPartner", "partner", $"no partner {Partner}", RefusalKind.Conflict);
        }
        if (!await data.RevokePartnerAsync(Partner, work.Now).ConfigureAwait(false))
        {
            return new InclusionCommandOutcome.Refused("KeyRevoked", "partner", $"{partner.Name}'s key is revoked already", RefusalKind.Conflict);
        }
        await work.JournalAsync("partner.key-revoked", $"partner-{partner.Id}", new { name = partner.Name, key = partner.KeyShown }).ConfigureAwait(false);
        return new InclusionCommandOutcome.Completed(partner with { RevokedAt = work.Now });
    }
}
