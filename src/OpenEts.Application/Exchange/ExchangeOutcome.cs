using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

/// <summary>How an exchange command ended.</summary>
public abstract record ExchangeOutcome
{
    private ExchangeOutcome()
    {
    }

    /// <summary>Done (or done before with the same key: <paramref name="Duplicate"/>).</summary>
    /// <param name="Event">The journal kind, e.g. <c>exchange.order.placed</c>.</param>
    /// <param name="Subject">What it was about: an order number, an instrument code, a trading account number.</param>
    /// <param name="Order">The order as it stands after the command (order commands only).</param>
    /// <param name="Trades">The trades the command made, each settled.</param>
    /// <param name="EndOfDay">What an end of day did (that command only).</param>
    /// <param name="Block">The block trade as it stands (block trade commands only).</param>
    /// <param name="Listing">The listing as it stands (listing commands only).</param>
    /// <param name="ListingTrade">The trade a pick made, settled (a pick only).</param>
    /// <param name="Auction">The one-way auction as it stands (auction commands only).</param>
    /// <param name="AuctionBids">The bid a bid command placed or withdrew, or every bid of an auction it cleared.</param>
    /// <param name="Account">The trading account as it stands (commands of an account's life: suspend, reinstate, close, transfer).</param>
    public sealed record Completed(
        string Event, string Subject, bool Duplicate, ExchangeOrder? Order, IReadOnlyList<ExchangeTrade> Trades, EndOfDayReport? EndOfDay = null,
        BlockTrade? Block = null, ExchangeListing? Listing = null, ListingTrade? ListingTrade = null, OneWayAuction? Auction = null,
        IReadOnlyList<OneWayBid>? AuctionBids = null, TradingAccount? Account = null)
        : ExchangeOutcome;

    /// <summary>Refused by an exchange rule; nothing changed.</summary>
    public sealed record Refused(ExchangeRule Rule, string Field, string Message, RefusalKind Kind) : ExchangeOutcome
    {
        /// <summary>The figures <see cref="Message"/> names (a band, a limit, the amount available), for a message in another language.</summary>
        public IReadOnlyList<string> Figures { get; init; } = [];

        /// <summary>A refusal whose sentence names figures: the sentence in the invariant culture, and its figures.</summary>
        public static Refused Of(ExchangeRule rule, string field, FormattableString message, RefusalKind kind) =>
            new(rule, field, Domain.Text.Figures.Sentence(message), kind) { Figures = Domain.Text.Figures.Of(message) };
    }

    /// <summary>The actor's role may not ask for this; nothing changed.</summary>
    public sealed record Forbidden(IReadOnlyList<Role> Allowed) : ExchangeOutcome;

    /// <summary>A field could not be read; nothing changed.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : ExchangeOutcome;
}
