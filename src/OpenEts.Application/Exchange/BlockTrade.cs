using OpenEts.Domain.Exchange;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A block trade (大宗协议) as the exchange keeps it: proposed by one member to a named counterparty, then accepted (and
/// settled delivery versus payment in the same transaction), declined by the counterparty, withdrawn by the proposer, or
/// expired with its trading day. It never touches the order book, so it does not move the last price or the close.
/// </summary>
/// <param name="Id">The block trade number, 1, 2, 3, … over the exchange.</param>
/// <param name="ProposerSide">The proposer's side: the counterparty takes the other.</param>
/// <param name="PriceFen">Fen per tonne.</param>
/// <param name="Quantity">Tonnes.</param>
/// <param name="AcceptedBy">The counterparty's user who accepted it, once settled.</param>
/// <param name="BuyerFeeFen">The buyer's fee, fen, once settled.</param>
/// <param name="SellerFeeFen">The seller's fee, fen, once settled.</param>
/// <param name="Key">The proposer's idempotency key.</param>
public sealed record BlockTrade(
    long Id, string Instrument, long ProposerAccount, string ProposerUser, Side ProposerSide, long CounterpartyAccount, long PriceFen,
    long Quantity, BlockTradeStatus Status, DateTimeOffset ProposedAt, DateTimeOffset UpdatedAt, string? AcceptedBy, long BuyerFeeFen,
    long SellerFeeFen, string Key)
{
    /// <summary>The buyer's trading account.</summary>
    public long BuyAccount => ProposerSide == Side.Buy ? ProposerAccount : CounterpartyAccount;

    /// <summary>The seller's trading account.</summary>
    public long SellAccount => ProposerSide == Side.Buy ? CounterpartyAccount : ProposerAccount;

    /// <summary>The value in fen: price × quantity.</summary>
    public long ValueFen => checked(PriceFen * Quantity);

    /// <summary>The journal subject and cash/registry reference of a block trade: <c>exchange/block/3</c>.</summary>
    public static string Subject(long id) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"exchange/block/{id}");

    /// <summary>The block trade as market statistics count it (block volume), numbered in the block trades' own sequence.</summary>
    public TradePrint Print() => new(Id, Instrument, UpdatedAt, PriceFen, Quantity);
}

/// <summary>Where a block trade stands.</summary>
public enum BlockTradeStatus
{
    /// <summary>Waiting for the counterparty.</summary>
    Proposed = 1,

    /// <summary>Accepted and settled delivery versus payment.</summary>
    Settled,

    /// <summary>The counterparty said no.</summary>
    Declined,

    /// <summary>The proposer took it back.</summary>
    Withdrawn,

    /// <summary>Its trading day ended before the counterparty accepted.</summary>
    Expired,
}
