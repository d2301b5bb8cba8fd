using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A member lists a lot for click-on-listing (挂牌点选): side, price, quantity and an optional minimum take (default one
/// lot), checked by <see cref="ListingCheck"/> like an order's terms. What it offers is frozen at once: a sell's units go
/// into the clearing account, a buy reserves the value + the maximum fee. Journalled as <c>exchange.listing.posted</c>. A
/// member's trader may list for one of the member's clients (客户, <paramref name="Account"/>): the client's units or cash
/// are frozen, as for a client's order.
/// </summary>
/// <param name="Account">The trading account it is for: null for the actor's organisation's own, or a client account of its member.</param>
public sealed record PostListing(string Instrument, Side Side, long PriceFen, long Quantity, long? MinimumTake, IdempotencyKey Key, long? Account = null)
    : IExchangeCommand
{
    /// <summary>The journal kind of a listing.</summary>
    public const string Kind = "exchange.listing.posted";

    /// <summary>
    /// The request as typed: side <c>buy</c>/<c>sell</c>, price in yuan per tonne, quantity and minimum take in tonnes;
    /// account empty for the organisation's own, or a client's trading account number.
    /// </summary>
    public sealed record Form(string? Instrument, string? Side, decimal? Price, long? Quantity, long? MinimumTake, string? IdempotencyKey, long? Account = null);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out PostListing? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var (instrument, side) = OrderEntry.InstrumentAndSide(read, form.Instrument, form.Side);
        var price = OrderEntry.Price(read, form.Price);
        if (form.Price is null)
        {
            read.Fail("price", "Required", "price: a listing needs a price in yuan per tonne");
        }
        var quantity = read.Quantity(form.Quantity, "quantity");
        if (form.MinimumTake is <= 0)
        {
            read.Fail("minimumTake", "Range", "minimumTake: tonnes, positive (empty: one lot)");
        }
        var key = read.Key(form.IdempotencyKey);
        OrderEntry.ReadAccount(read, form.Account);
        command = read.IsValid ? new PostListing(instrument, side, price!.Value, quantity.Value, form.MinimumTake, key, form.Account) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var s = work.Session.Exchange;
        var (entry, notEntered) = await work.EnterAsync(Instrument, Account).ConfigureAwait(false);
        if (entry is null)
        {
            return notEntered!;
        }
        var (listed, account) = (entry.Listed, entry.Account);
        var organisation = entry.Organisation;
        var minimum = MinimumTake ?? listed.Instrument.LotTonnes;
        if (await work.RepeatAsync(s.FindListingAsync, Key, "listing",
            e => (e.Instrument, e.Side, e.AccountId, e.PriceFen, e.Quantity, e.MinimumTake) == (Instrument, Side, account.Id, PriceFen, Quantity, minimum),
            e => new ExchangeOutcome.Completed(Kind, ExchangeListing.Subject(e.Id), true, null, [], Listing: e)).ConfigureAwait(false) is { } repeat)
        {
            return repeat;
        }
        if (await entry.CheckAsync(work, (instrument, halted, closed, now) =>
            ListingCheck.CheckListing(instrument, halted, closed, now, Side, PriceFen, Quantity, minimum)).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }
        var listing = await s.InsertListingAsync(new ExchangeListing(0, Instrument, account.Id, work.Actor.UserName, Side, PriceFen, Quantity, minimum,
            0, ListingStatus.Open, work.Now, work.Now, null, Key.Value)).ConfigureAwait(false);
        var subject = ExchangeListing.Subject(listing.Id);
        if (Side == Side.Buy)
        {
            var (reservation, noCash) = await OrderEntry.ReserveCashAsync(work, organisation!, OrderEntry.Value(PriceFen, Quantity), subject,
                ExchangeWork.Key($"{subject}/cash")).ConfigureAwait(false);
            if (noCash is not null)
            {
                // The listing row is already written: roll the whole transaction back.
                throw new ExchangeRefusalException(noCash);
            }
            listing = listing with { ReservationId = reservation };
            await s.SaveListingAsync(listing).ConfigureAwait(false);
        }
        else if (await OrderEntry.HoldUnitsAsync(work, account, listed, Quantity, ExchangeWork.Key($"{subject}/reserve"), subject + "/reserve").ConfigureAwait(false) is { } noUnits)
        {
            throw new ExchangeRefusalException(noUnits);
        }
        await work.JournalAsync(Kind, subject, new
        {
            listing = listing.Id, instrument = Instrument, side = Side.ToString(), account = account.Id, price = PriceFen, quantity = Quantity,
            minimumTake = minimum, key = Key.Value,
        }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, subject, false, null, [], Listing: listing);
    }
}
