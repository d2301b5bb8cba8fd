using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A member bids on a one-way auction inside its window: a price (at least the reserve) and a quantity (at least the
/// minimum bid, whole lots), checked by <see cref="OneWayAuctionCheck.CheckBid"/>; the seller may not bid. The bid reserves
/// price × quantity + the maximum fee of the bidder's cash until the close. Journalled as <c>exchange.auction.bid</c>. A
/// member's trader may bid for one of the member's clients (客户, <paramref name="Account"/>): the client's cash is reserved,
/// and what it wins settles into its accounts.
/// </summary>
/// <param name="Account">The trading account it is for: null for the actor's organisation's own, or a client account of its member.</param>
public sealed record PlaceOneWayBid(long Auction, long PriceFen, long Quantity, IdempotencyKey Key, long? Account = null) : IExchangeCommand
{
    /// <summary>The journal kind of a bid.</summary>
    public const string Kind = "exchange.auction.bid";

    /// <summary>
    /// The request as typed: the auction's number, price in yuan per tonne, quantity in tonnes; account empty for the
    /// organisation's own, or a client's trading account number.
    /// </summary>
    public sealed record Form(long? Auction, decimal? Price, long? Quantity, string? IdempotencyKey, long? Account = null);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out PlaceOneWayBid? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        if (form.Auction is not > 0)
        {
            read.Fail("auction", "Required", "auction: the auction's number");
        }
        var price = OrderEntry.Price(read, form.Price);
        if (form.Price is null)
        {
            read.Fail("price", "Required", "price: a bid needs a price in yuan per tonne");
        }
        var quantity = read.Quantity(form.Quantity);
        var key = read.Key(form.IdempotencyKey);
        OrderEntry.ReadAccount(read, form.Account);
        command = read.IsValid ? new PlaceOneWayBid(form.Auction!.Value, price!.Value, quantity.Value, key, form.Account) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var s = work.Session.Exchange;
        var (account, organisation, notOpen) = await work.OpenAccountAsync(Account).ConfigureAwait(false);
        if (notOpen is not null)
        {
            return notOpen;
        }
        if (await work.RepeatAsync(s.FindAuctionBidAsync, Key, "bid",
            e => (e.Auction, e.AccountId, e.PriceFen, e.Quantity) == (Auction, account!.Id, PriceFen, Quantity),
            async e => new ExchangeOutcome.Completed(Kind, OneWayBid.Subject(e.Id), true, null, [],
                Auction: await s.FindAuctionAsync(Auction).ConfigureAwait(false), AuctionBids: [e])).ConfigureAwait(false) is { } repeat)
        {
            return repeat;
        }
        if (await s.FindAuctionAsync(Auction).ConfigureAwait(false) is not { Status: OneWayAuctionStatus.Announced } auction)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownAuction, "auction", $"auction {Auction} is not taking bids", RefusalKind.Conflict);
        }
        if (auction.AccountId == account!.Id)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.OwnAuction, "auction", $"auction {Auction} is your own", RefusalKind.Conflict);
        }
        var listed = await s.FindInstrumentAsync(auction.Instrument).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"auction {Auction} names an unlisted instrument");
        // A bid is a trade's first half: none after the day's end of day, as for orders, listings and block trades.
        if (await work.DayClosedAsync(auction.Instrument).ConfigureAwait(false) is { } closed)
        {
            return closed;
        }
        var halted = work.Book(auction.Instrument)?.IsHalted ?? false;
        if (OneWayAuctionCheck.CheckBid(listed.Instrument, halted, work.Now, auction.Terms, PriceFen, Quantity) is { } refusal)
        {
            return OrderEntry.Refused(refusal) with
            {
                Kind = refusal.Rule is ExchangeRule.AuctionWindow or ExchangeRule.InstrumentHalted ? RefusalKind.Conflict : RefusalKind.Malformed,
            };
        }
        var bid = await s.InsertAuctionBidAsync(new OneWayBid(0, Auction, account.Id, work.Actor.UserName, PriceFen, Quantity, OneWayBidStatus.Open, 0,
            null, 0, 0, 0, work.Now, work.Now, Key.Value)).ConfigureAwait(false);
        var subject = OneWayBid.Subject(bid.Id);
        var (reservation, noCash) = await OrderEntry.ReserveCashAsync(work, organisation!, OrderEntry.Value(PriceFen, Quantity), subject,
            ExchangeWork.Key($"{subject}/cash")).ConfigureAwait(false);
        if (noCash is not null)
        {
            // The bid row is already written: roll the whole transaction back.
            throw new ExchangeRefusalException(noCash);
        }
        bid = bid with { ReservationId = reservation ?? throw new InvalidOperationException($"{subject} reserved no cash") };
        await s.SaveAuctionBidAsync(bid).ConfigureAwait(false);
        await work.JournalAsync(Kind, subject, new
        {
            bid = bid.Id, auction = Auction, account = account.Id, price = PriceFen, quantity = Quantity, reservation = bid.ReservationId, key = Key.Value,
        }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, subject, false, null, [], Auction: auction, AuctionBids: [bid]);
    }
}
