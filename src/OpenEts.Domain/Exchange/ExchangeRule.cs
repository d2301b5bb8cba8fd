namespace OpenEts.Domain.Exchange;

/// <summary>
/// The exchange rule that refused an order, cancel or operator request. Names are language-neutral codes, shown through
/// <c>rule.*</c> texts; new codes are appended.
/// </summary>
public enum ExchangeRule
{
    /// <summary>The instrument is not listed.</summary>
    UnknownInstrument = 1,

    /// <summary>The price is outside the day's band around the reference price (涨跌幅限制).</summary>
    PriceBand,

    /// <summary>The price is not a whole number of ticks.</summary>
    Tick,

    /// <summary>The quantity is not a whole number of lots.</summary>
    Lot,

    /// <summary>The quantity is above the instrument's maximum order size.</summary>
    MaxOrderSize,

    /// <summary>The exchange is outside its trading hours or the day is not a trading day.</summary>
    TradingHours,

    /// <summary>The instrument is halted: only cancels are accepted.</summary>
    InstrumentHalted,

    /// <summary>The buyer's available cash does not cover price × quantity plus the maximum fee.</summary>
    InsufficientCash,

    /// <summary>The seller's holding account does not hold the units free.</summary>
    InsufficientUnits,

    /// <summary>The trading account is not open, or its registry holding account cannot send units.</summary>
    AccountState,

    /// <summary>The actor does not trade for this trading account.</summary>
    NotAccountHolder,

    /// <summary>No such order, or it is no longer open.</summary>
    UnknownOrder,

    /// <summary>The order would trade with an order of the same account (self-trade prevention as the engine does it).</summary>
    SelfTrade,

    /// <summary>A fill-or-kill order could not trade in full at once.</summary>
    NotFillable,

    /// <summary>The price is missing or not positive.</summary>
    BadPrice,

    /// <summary>A halt of an instrument that is already halted.</summary>
    AlreadyHalted,

    /// <summary>The idempotency key was used for a different request.</summary>
    KeyReused,

    /// <summary>The instrument's code is already listed.</summary>
    AlreadyListed,

    /// <summary>The organisation already has a trading account.</summary>
    AlreadyOpen,

    /// <summary>Only the exchange's own staff run the exchange (list, open accounts, halt, resume).</summary>
    NotOperator,

    /// <summary>The registry account is not a holding or investor account that exists.</summary>
    UnknownHoldingAccount,

    /// <summary>
    /// The day (or a later one) is already closed for an instrument: a second end of day, or an order or amend on a
    /// trading day whose end of day has run.
    /// </summary>
    DayClosed,

    /// <summary>End of day: the trading day has not begun yet (Beijing time).</summary>
    DayNotOver,

    /// <summary>A block trade (大宗协议) below the minimum size.</summary>
    BlockTradeSize,

    /// <summary>A block trade's price outside its band (±30 % of the reference, unconfirmed).</summary>
    BlockTradeBand,

    /// <summary>No such open block trade proposal between you and its counterparty.</summary>
    UnknownProposal,

    /// <summary>The counterparty is not an open trading account of another organisation.</summary>
    UnknownCounterparty,

    /// <summary>A block trade proposal of an earlier trading day: it lapsed with its day.</summary>
    ProposalExpired,

    /// <summary>A block trade outside the block-trade hours (national 大宗协议: 13:00–15:00 Beijing time).</summary>
    BlockTradeHours,

    /// <summary>No such open listing (挂牌点选), or it is no longer open.</summary>
    UnknownListing,

    /// <summary>A listing that is not the best-priced (then earliest) open listing of its side: only that one may be picked.</summary>
    NotBestListing,

    /// <summary>A pick below the listing's minimum take (unless it takes all that is left), or a minimum take that is not a whole number of lots up to the quantity.</summary>
    MinimumTake,

    /// <summary>A pick of more than the listing has left.</summary>
    ListingQuantity,

    /// <summary>A listing of an earlier trading day: it lapsed with its day.</summary>
    ListingExpired,

    /// <summary>No such one-way auction (单向竞价), or no such open bid of yours on it.</summary>
    UnknownAuction,

    /// <summary>A one-way auction's bidding window: a bid outside it, or an announced window that is not within the exchange's hours.</summary>
    AuctionWindow,

    /// <summary>A one-way auction bid below the reserve price (保留价).</summary>
    AuctionReserve,

    /// <summary>A one-way auction bid below the minimum bid or not a whole number of lots, or a minimum bid that is invalid.</summary>
    AuctionMinimumBid,

    /// <summary>The seller of a one-way auction may not bid on it.</summary>
    OwnAuction,

    /// <summary>A one-way auction cannot be cleared before its bidding window closes (<see cref="AuctionAlreadyClosed"/>: nor twice).</summary>
    AuctionNotOver,

    /// <summary>
    /// The T+1 resale restriction (configurable per instrument, off by default): units bought on a Beijing trading day
    /// cannot be sold (order, listing, block trade, one-way auction) on the same day. trading.md §5.1: the national rule
    /// was not retrieved, [UNCONFIRMED].
    /// </summary>
    ResaleNextDay,

    /// <summary>
    /// A member acts only for its own clients (客户): the trading account named is not the member's own nor one of its
    /// client accounts.
    /// </summary>
    NotYourClient,

    /// <summary>
    /// A client account (客户账户) of a member: its orders are entered by the member's traders, not by the client's own
    /// users (who read its orders, trades, position and cash); and a client does not take clients of its own.
    /// </summary>
    ClientAccount,

    /// <summary>
    /// A client account's registry holding account must be the client organisation's own (every representative a user
    /// of that organisation) and not linked to another trading account.
    /// </summary>
    ClientHoldingAccount,

    /// <summary>
    /// No organisation has the client's credit code, or it cannot be a member's client: only a covered company or an
    /// investor other than the member itself.
    /// </summary>
    UnknownClient,

    /// <summary>
    /// The registry refused to deliver an allowance auction's award from its issuance account (too few units issued, the
    /// winner's holding account closed): the settlement rolled back as a whole, and nothing moved.
    /// </summary>
    DeliveryRefused,

    /// <summary>
    /// The trading account is suspended (暂停交易), by its member or by the exchange: new orders, amends, listings, picks, bids
    /// and block trades are refused; cancels are accepted. Its resting orders and open listings were cancelled when it was
    /// suspended.
    /// </summary>
    AccountSuspended,

    /// <summary>The trading account is closed (销户): nothing is entered for it any more.</summary>
    AccountClosed,

    /// <summary>
    /// A trading account that is to be closed or whose client moves to another member still has resting orders, open listings,
    /// open one-way bids or auctions, reserved cash, or (to close) cash in its account.
    /// </summary>
    AccountInUse,

    /// <summary>
    /// A client account's transfer to another member (转托管-like): the account is a member's own, not a client's, or the new
    /// member is not an open member's own trading account other than the present one.
    /// </summary>
    ClientTransfer,

    /// <summary>
    /// No move of the client account to another member is offered (never offered, or already accepted, declined or
    /// withdrawn), so there is nothing to accept, decline or withdraw.
    /// </summary>
    NoTransferOffer,

    /// <summary>The client account's move was offered to another member: only the member it was offered to accepts or declines it.</summary>
    NotOfferedMember,

    /// <summary>A one-way auction's announced window opens in the past: it opens now or later.</summary>
    AuctionOpensBeforeNow,

    /// <summary>
    /// A one-way auction's announced window closes too far ahead: the seller's units stay frozen until the close, so it
    /// closes within the exchange's configured maximum of its announcement (7 days by default; ours, [UNCONFIRMED]).
    /// </summary>
    AuctionWindowTooLong,

    /// <summary>A one-way auction already cleared cannot be closed again.</summary>
    AuctionAlreadyClosed,

    /// <summary>An allowance auction the regulator withdrew before its close takes no bid and is not closed.</summary>
    AuctionWithdrawn,

    /// <summary>An allowance auction already closed (settled, cleared or failed) cannot be withdrawn.</summary>
    AuctionEnded,

    /// <summary>A resume of an instrument that is not halted.</summary>
    NotHalted,

    /// <summary>
    /// A client account (客户账户) its member opened whose client has not confirmed the member's mandate yet: nothing is entered
    /// for it, nor is it suspended, reinstated or moved, until a representative of the client's holding account confirms.
    /// </summary>
    AwaitingClient,

    /// <summary>
    /// Only the client answers a member's mandate, or its move to another member: a user of the client organisation who
    /// represents the client account's registry holding account confirms or declines it.
    /// </summary>
    NotTheClient,

    /// <summary>The registry has issued no unit of the instrument's class.</summary>
    UnknownClass,

    /// <summary>
    /// A client's move to another member (转托管) that the client has not confirmed: the new member accepts it only after a
    /// representative of the client's holding account confirms it.
    /// </summary>
    ClientMoveUnconfirmed,
}
