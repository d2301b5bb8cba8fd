using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Storage;

// Merchants' settlements in yuan (migration 0051): a statement per merchant and period; each redemption names the one
// statement that settled it.
public partial interface IInclusionData
{
    /// <summary>
    /// The redemptions a merchant confirmed from <paramref name="from"/> to before <paramref name="before"/>, each with
    /// whether a statement settled it already.
    /// </summary>
    Task<IReadOnlyList<(Voucher Voucher, bool Settled)>> ConfirmedBetweenAsync(long merchantId, DateTimeOffset from, DateTimeOffset before);

    /// <summary>Inserts a statement and returns it with its id.</summary>
    Task<MerchantSettlement> InsertSettlementAsync(MerchantSettlement settlement);

    /// <summary>
    /// Marks the redemptions settled by <paramref name="settlementId"/> with their yuan, only those no statement settled yet;
    /// returns how many were marked.
    /// </summary>
    Task<int> MarkSettledAsync(long settlementId, IReadOnlyList<Settlement.Line> lines);

    /// <summary>A merchant's statements, newest first.</summary>
    Task<IReadOnlyList<MerchantSettlement>> SettlementsAsync(long merchantId);

    /// <summary>The statement with this id, or null.</summary>
    Task<MerchantSettlement?> SettlementAsync(long id);

    /// <summary>The redemptions a statement settled, by confirmation time, with their yuan.</summary>
    Task<IReadOnlyList<Settlement.Line>> SettlementLinesAsync(long settlementId);
}
