using OpenEts.Application.Identity;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.Inclusion;

// Merchants' settlement and data partners: the regulator and the auditor see every merchant, a representative their
// organisation's; the regulator sees the partners.
public sealed partial class InclusionQueries
{
    /// <summary>
    /// The merchants <paramref name="actor"/> may see with their settlement: all (regulator, auditor), or their
    /// organisation's and those of the programmes it operates (<paramref name="operated"/>, from
    /// <see cref="SettleMerchant.OperatedByAsync"/>).
    /// </summary>
    public Task<IReadOnlyList<MerchantStatement>> MerchantsAsync(Actor actor, CancellationToken ct, IReadOnlySet<string>? operated = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        operated ??= new HashSet<string>();
        return store.ReadAsync<IReadOnlyList<MerchantStatement>>(async s =>
        {
            var merchants = actor.Role switch
            {
                Role.Regulator or Role.Auditor => await s.Inclusion.MerchantsAsync().ConfigureAwait(false),
                Role.CompanyRepresentative when actor.OrganisationId is { } org => [.. (await s.Inclusion.MerchantsAsync().ConfigureAwait(false))
                    .Where(m => m.OrganisationId == org || operated.Contains(m.Programme))],
                _ => [],
            };
            var statements = new List<MerchantStatement>(merchants.Count);
            foreach (var m in merchants)
            {
                var settled = await s.Inclusion.MerchantSettlementAsync(m.Id, null).ConfigureAwait(false);
                var organisation = await s.Organisations.FindByIdAsync(m.OrganisationId).ConfigureAwait(false);
                statements.Add(new MerchantStatement(m, organisation?.Name ?? "", await s.Inclusion.MerchantVouchersAsync(m.Id, MerchantStatement.RecentShown)
                    .ConfigureAwait(false), settled.Count, settled.Sum(c => c.Coins), MerchantStatement.Months(settled))
                {
                    Settlements = await s.Inclusion.SettlementsAsync(m.Id).ConfigureAwait(false),
                    MaySettle = actor.Role == Role.Regulator || operated.Contains(m.Programme),
                });
            }
            return statements;
        }, ct);
    }

    /// <summary>
    /// A settlement statement with its merchant and the redemptions it settled, or null when there is none or
    /// <paramref name="actor"/> may not see it (the regulator, the auditor, the merchant's representatives, and the
    /// operator's: <paramref name="operated"/>).
    /// </summary>
    public Task<SettlementSheet?> SettlementAsync(Actor actor, long id, CancellationToken ct, IReadOnlySet<string>? operated = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        operated ??= new HashSet<string>();
        return store.ReadAsync<SettlementSheet?>(async s =>
        {
            if (await s.Inclusion.SettlementAsync(id).ConfigureAwait(false) is not { } settlement
                || (await s.Inclusion.MerchantsAsync().ConfigureAwait(false)).FirstOrDefault(m => m.Id == settlement.MerchantId) is not { } merchant)
            {
                return null;
            }
            var may = actor.Role is Role.Regulator or Role.Auditor
                || (actor.Role == Role.CompanyRepresentative && (actor.OrganisationId == merchant.OrganisationId || operated.Contains(merchant.Programme)));
            return may ? new SettlementSheet(settlement, merchant, await s.Inclusion.SettlementLinesAsync(id).ConfigureAwait(false)) : null;
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
