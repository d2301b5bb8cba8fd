using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Cash;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A member picks a listing (点选): the best-priced open listing of its side (then the earliest), at its price, all that is
/// left (no quantity) or a part of at least its minimum take. The pick takes the other side and settles delivery versus
/// payment in the same transaction by the same path as a trade on the book
/// (<see cref="ExchangeWork.DeliverAsync(ListedInstrument, Delivery)"/>): a sell listing's units are already in clearing and
/// the picker's cash is reserved for value + the maximum fee; a buy listing's reservation pays and the picker's units go
/// into clearing. The listing's terms are checked again (halt, closed day, hours, band). Journalled as
/// <c>exchange.listing.picked</c>; a listing picked in full is filled and releases its unused fee.
/// </summary>
/// <param name="Listing">The listing number.</param>
/// <param name="Quantity">Tonnes to take; null takes all that is left.</param>
/// <param name="Key">The picker's idempotency key: a repeat of a pick (a double click, a retried request) returns the first
/// pick and moves nothing again; the key with another listing or quantity is <c>KeyReused</c>.</param>
/// <param name="Account">The trading account the pick is for: null for the actor's organisation's own, or a client account
/// (客户) of its member, whose cash or units then settle the pick.</param>
public sealed record PickListing(long Listing, long? Quantity, IdempotencyKey Key, long? Account = null) : IExchangeCommand
{
    /// <summary>The journal kind of a pick.</summary>
    public const string Kind = "exchange.listing.picked";

    /// <summary>
    /// The request as typed: the listing number, the tonnes to take (empty: all that is left), the idempotency key, and the
    /// account (empty for the organisation's own, or a client's trading account number).
    /// </summary>
    public sealed record Form(long? Listing, long? Quantity, string? IdempotencyKey, long? Account = null);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out PickListing? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        if (form.Listing is not > 0)
        {
            read.Fail("listing", "Required", "listing: the listing's number");
        }
        if (form.Quantity is <= 0)
        {
            read.Fail("quantity", "Range", "quantity: tonnes, positive (empty: all that is left)");
        }
        var key = read.Key(form.IdempotencyKey);
        OrderEntry.ReadAccount(read, form.Account);
        command = read.IsValid ? new PickListing(form.Listing!.Value, form.Quantity, key, form.Account) : null;
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
        if (await work.RepeatAsync(s.FindListingTradeAsync, Key, "pick",
            e => e.Listing == Listing && (Quantity is null || Quantity == e.Quantity) && e.TakerAccount == account!.Id,
            async e => new ExchangeOutcome.Completed(Kind, ListingTrade.Subject(e.Id), true, null, [],
                Listing: await s.FindListingAsync(e.Listing).ConfigureAwait(false), ListingTrade: e)).ConfigureAwait(false) is { } repeat)
        {
            return repeat;
        }
        if (await s.FindListingAsync(Listing).ConfigureAwait(false) is not { Status: ListingStatus.Open } listing)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownListing, "listing", $"listing {Listing} is not open", RefusalKind.Conflict);
        }
        if (listing.AccountId == account!.Id)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.SelfTrade, "listing", $"listing {Listing} is your own", RefusalKind.Conflict);
        }
        if (BeijingTime.TradingDay(listing.PostedAt) != BeijingTime.TradingDay(work.Now))
        {
            return new ExchangeOutcome.Refused(ExchangeRule.ListingExpired, "listing",
                $"listing {Listing} was posted on {BeijingTime.TradingDay(listing.PostedAt):yyyy-MM-dd} and lapsed with that trading day", RefusalKind.Conflict);
        }
        var listed = await s.FindInstrumentAsync(listing.Instrument).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"listing {Listing} names an unlisted instrument");
        var book = work.Book(listing.Instrument) ?? throw new InvalidOperationException($"{listing.Instrument} has no book");
        var take = Quantity ?? listing.Left;
        var pickSide = listing.Side == Side.Sell ? Side.Buy : Side.Sell;
        if (await OrderEntry.CheckAsync(work, listed, book.IsHalted, new OrderTerms(pickSide, OrderType.Limit, listing.PriceFen, take))
            .ConfigureAwait(false) is { } market)
        {
            return market;
        }
        if (ListingCheck.CheckTake(listed.Instrument, listing.Left, listing.MinimumTake, take) is { } badTake)
        {
            return OrderEntry.Refused(badTake);
        }
        var rivals = (await s.OpenListingsAsync(listing.Instrument).ConfigureAwait(false))
            .Where(l => l.Side == listing.Side && l.AccountId != account.Id).Select(l => (l.Id, l.PriceFen));
        if (!ListingCheck.IsBest(listing.Side, (listing.Id, listing.PriceFen), rivals))
        {
            return new ExchangeOutcome.Refused(ExchangeRule.NotBestListing, "listing",
                $"listing {Listing} is not the best-priced {listing.Side.ToString().ToLowerInvariant()} listing of {listing.Instrument}: pick that one",
                RefusalKind.Conflict);
        }
        var fees = work.Options.Fees;
        var value = OrderEntry.Value(listing.PriceFen, take);
        var listerBuys = listing.Side == Side.Buy;
        var trade = await s.InsertListingTradeAsync(new ListingTrade(0, listing.Id, listing.Instrument, work.Now, listing.PriceFen, take,
            listerBuys ? listing.AccountId : account.Id, listerBuys ? account.Id : listing.AccountId, listerBuys ? listing.UserName : work.Actor.UserName,
            account.Id, fees.FeeFen(value, buyer: true), fees.FeeFen(value, buyer: false), work.Actor.UserName, Key.Value)).ConfigureAwait(false);
        var subject = ListingTrade.Subject(trade.Id);
        long reservation;
        if (listerBuys)
        {
            if (await OrderEntry.HoldUnitsAsync(work, account, listed, take, ExchangeWork.Key($"{subject}/reserve"), subject + "/reserve").ConfigureAwait(false) is { } noUnits)
            {
                // The trade row is already written: roll the whole transaction back.
                throw new ExchangeRefusalException(noUnits);
            }
            reservation = listing.ReservationId ?? throw new InvalidOperationException($"buy listing {listing.Id} holds no cash");
        }
        else
        {
            var (made, noCash) = await OrderEntry.ReserveCashAsync(work, organisation!, value, subject, ExchangeWork.Key($"{subject}/cash"))
                .ConfigureAwait(false);
            if (noCash is not null)
            {
                throw new ExchangeRefusalException(noCash);
            }
            reservation = made!.Value;
        }
        await work.DeliverAsync(listed, new Delivery(subject, trade.BuyAccount, trade.BuyUser, reservation, trade.SellAccount, take, value,
            trade.BuyerFeeFen, trade.SellerFeeFen)).ConfigureAwait(false);
        if (!listerBuys && await work.Cash.ReleaseAsync(organisation!, reservation).ConfigureAwait(false) is CashResult.Refused released)
        {
            throw new InvalidOperationException($"{subject}'s reservation could not be released: {released.Message}");
        }
        var after = listing with { Taken = listing.Taken + take, UpdatedAt = work.Now };
        after = after.Left == 0
            ? await WithdrawListing.EndAsync(work, listed, after, ListingStatus.Filled).ConfigureAwait(false)
            : after;
        if (after.Status == ListingStatus.Open)
        {
            await s.SaveListingAsync(after).ConfigureAwait(false);
        }
        await work.JournalAsync(Kind, subject, new
        {
            trade = trade.Id, listing = listing.Id, instrument = trade.Instrument, price = trade.PriceFen, quantity = take, buyAccount = trade.BuyAccount,
            sellAccount = trade.SellAccount, buyerFee = trade.BuyerFeeFen, sellerFee = trade.SellerFeeFen, left = after.Left, key = Key.Value,
        }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, subject, false, null, [], Listing: after, ListingTrade: trade);
    }
}
