using OpenEts.Domain.Registry;

namespace OpenEts.Application.Auction;

/// <summary>One winning bid of a settled allowance auction: what the ledgers must show for it.</summary>
/// <param name="Bid">The bid number.</param>
/// <param name="Reference">Its reference in both ledgers, <c>auction/3/bid/7</c>: the payment's key is <c>…/pay</c>, the registry request's key the reference itself.</param>
/// <param name="OrganisationId">The winner.</param>
/// <param name="Holding">The holding account the units went to.</param>
/// <param name="Tonnes">Tonnes won.</param>
/// <param name="ValueFen">Tonnes × the clearing price, fen: what the winner paid.</param>
public sealed record SettledAward(long Bid, string Reference, long OrganisationId, AccountNumber Holding, long Tonnes, long ValueFen);
