using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A member (the seller) announces a one-way auction (单向竞价) of an instrument: quantity, reserve price, minimum bid,
/// bidding window and pricing rule, checked by <see cref="OneWayAuctionCheck.CheckAnnouncement"/>. Its units go into the
/// clearing account at once, where they stay until the close. Journalled as <c>exchange.auction.announced</c>. A member's
/// trader may announce it for one of the member's clients (客户, <paramref name="Account"/>), who is then the seller: its
/// units are frozen, sold and paid for.
/// </summary>
/// <param name="Opens">When bidding opens; null: now.</param>
/// <param name="Account">The trading account it is for: null for the actor's organisation's own, or a client account of its member.</param>
public sealed record AnnounceOneWayAuction(
    string Instrument, long Quantity, long ReservePriceFen, long? MinimumBid, DateTimeOffset? Opens, DateTimeOffset Closes, AuctionPricing Pricing,
    IdempotencyKey Key, long? Account = null) : IExchangeCommand
{
    /// <summary>The journal kind of an announcement.</summary>
    public const string Kind = "exchange.auction.announced";

    /// <summary>
    /// The request as typed: quantity and minimum bid in tonnes (minimum empty: one lot), reserve in yuan per tonne, the
    /// window as ISO 8601 date-times (without an offset: Beijing time; opens empty: now), pricing <c>uniform</c> (default,
    /// [UNCONFIRMED] for the exchange's auctions) or <c>payAsBid</c>; account empty for the organisation's own, or a client's
    /// trading account number.
    /// </summary>
    public sealed record Form(
        string? Instrument, long? Quantity, decimal? ReservePrice, long? MinimumBid, string? Opens, string? Closes, string? Pricing, string? IdempotencyKey,
        long? Account = null);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out AnnounceOneWayAuction? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var instrument = FieldReader.Text(form.Instrument);
        if (instrument.Length == 0)
        {
            read.Fail("instrument", "Required", "instrument: the instrument's code, e.g. GDEA-2017");
        }
        var quantity = read.Quantity(form.Quantity);
        var reserve = OrderEntry.Price(read, form.ReservePrice, "reservePrice");
        if (form.ReservePrice is null)
        {
            read.Fail("reservePrice", "Required", "reservePrice: the reserve (floor) price in yuan per tonne");
        }
        if (form.MinimumBid is <= 0)
        {
            read.Fail("minimumBid", "Range", "minimumBid: tonnes, positive (empty: one lot)");
        }
        var opens = Instant(read, form.Opens, "opens", required: false);
        var closes = Instant(read, form.Closes, "closes", required: true);
        var pricing = string.IsNullOrWhiteSpace(form.Pricing) ? AuctionPricing.Uniform
            : read.Choice(form.Pricing, "pricing", AuctionPricing.Uniform, AuctionPricing.PayAsBid);
        var key = read.Key(form.IdempotencyKey);
        OrderEntry.ReadAccount(read, form.Account);
        command = read.IsValid
            ? new AnnounceOneWayAuction(instrument, quantity.Value, reserve!.Value, form.MinimumBid, opens, closes!.Value, pricing, key, form.Account)
            : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <summary>Reads an ISO 8601 date-time; one without an offset is Beijing time.</summary>
    internal static DateTimeOffset? Instant(FieldReader read, string? text, string field, bool required)
    {
        var value = FieldReader.Text(text);
        if (value.Length == 0)
        {
            if (required)
            {
                read.Fail(field, "Required", field + ": a date and time, e.g. 2026-12-01T14:30 (Beijing time)");
            }
            return null;
        }
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            read.Fail(field, "DateTime", field + ": a date and time, e.g. 2026-12-01T14:30 (Beijing time)");
            return null;
        }
        // No offset typed: Beijing time; an offset or Z: that instant. Either may be no instant .NET holds (0001-01-01T00:00
        // in Beijing is before DateTimeOffset.MinValue), which the range below refuses like any other far date.
        DateTimeOffset? instant = parsed.Kind == DateTimeKind.Unspecified
            ? (parsed >= DateTime.MinValue + BeijingTime.Offset ? new DateTimeOffset(parsed, BeijingTime.Offset) : null)
            : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var typed) ? typed : null;
        if (instant is not { } at || !BeijingTime.IsInRange(at))
        {
            read.Fail(field, "DateRange", PlatformDays.RangeText(field) + " (Beijing time)");
            return null;
        }
        return at;
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
        var terms = new OneWayAuctionTerms(Quantity, ReservePriceFen, MinimumBid ?? listed.Instrument.LotTonnes, Opens ?? work.Now, Closes, Pricing);
        if (await work.RepeatAsync(s.FindAuctionAsync, Key, "auction",
            e => e.Instrument == Instrument && e.AccountId == account.Id && e.Terms with { Opens = terms.Opens } == terms with { Opens = e.Terms.Opens },
            e => new ExchangeOutcome.Completed(Kind, OneWayAuction.Subject(e.Id), true, null, [], Auction: e)).ConfigureAwait(false) is { } repeat)
        {
            return repeat;
        }
        if (await entry.CheckAsync(work, (instrument, halted, closed, now) =>
                OneWayAuctionCheck.CheckAnnouncement(instrument, halted, closed, now, work.Options.MaxAuctionWindow, terms))
            .ConfigureAwait(false) is { } refused)
        {
            return refused;
        }
        var auction = await s.InsertAuctionAsync(new OneWayAuction(0, Instrument, account.Id, work.Actor.UserName, terms, OneWayAuctionStatus.Announced,
            null, 0, work.Now, work.Now, Key.Value)).ConfigureAwait(false);
        var subject = OneWayAuction.Subject(auction.Id);
        if (await OrderEntry.HoldUnitsAsync(work, account, listed, Quantity, ExchangeWork.Key($"{subject}/reserve"), subject + "/reserve").ConfigureAwait(false) is { } noUnits)
        {
            // The auction row is already written: roll the whole transaction back.
            throw new ExchangeRefusalException(noUnits);
        }
        await work.JournalAsync(Kind, subject, new
        {
            auction = auction.Id, instrument = Instrument, account = account.Id, quantity = Quantity, reservePrice = ReservePriceFen,
            minimumBid = terms.MinimumBid, opens = terms.Opens, closes = terms.Closes, pricing = Pricing.ToString(), key = Key.Value,
        }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, subject, false, null, [], Auction: auction);
    }
}
