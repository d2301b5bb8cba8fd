using OpenEts.Application.Identity;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.Inclusion;

// Merchants' settlement and data partners: the regulator and the auditor see every merchant, a representative their
// organisation's; the regulator sees the partners.
public sealed partial class InclusionQueries
{
    /// <summary>The merchants <paramref name="actor"/> may see with their settlement: all (regulator, auditor), or their organisation's.</summary>
    public Task<IReadOnlyList<MerchantStatement>> MerchantsAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.ReadAsync<IReadOnlyList<MerchantStatement>>(async s =>
        {
            var merchants = actor.Role switch
            {
                Role.Regulator or Role.Auditor => await s.Inclusion.MerchantsAsync().ConfigureAwait(false),
                Role.CompanyRepresentative when actor.OrganisationId is { } org => await s.Inclusion.MerchantsOfAsync(org).ConfigureAwait(false),
                _ => [],
            };
            var statements = new List<MerchantStatement>(merchants.Count);
            foreach (var m in merchants)
            {
                var settled = await s.Inclusion.MerchantSettlementAsync(m.Id, null).ConfigureAwait(false);
                var organisation = await s.Organisations.FindByIdAsync(m.OrganisationId).ConfigureAwait(false);
                statements.Add(new MerchantStatement(m, organisation?.Name ?? "", await s.Inclusion.MerchantVouchersAsync(m.Id, MerchantStatement.RecentShown)
                    .ConfigureAwait(false), settled.Count, settled.Sum(c => c.Coins), MerchantStatement.Months(settled)));
            }
            return statements;
        }, ct);
    }

    /// <summary>Every data partner with its scope and key state (the regulator), or null for anyone else.</summary>
    public async Task<IReadOnlyList<InclusionPartner>?> PartnersAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return InclusionRoles.Regulators.Contains(actor.Role)
            ? await store.ReadAsync(s => s.Inclusion.PartnersAsync(), ct).ConfigureAwait(false)
            : null;
    }
}
