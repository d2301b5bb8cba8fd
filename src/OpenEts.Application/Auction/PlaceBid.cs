using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Cash;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Allocation.Auction;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Auction;

/// <summary>
/// A company or member institution places a sealed bid: tonnes at a price per tonne, for delivery to one of its holding
/// accounts. The bid holds tonnes × price of the organisation's cash until the auction clears. It is checked against the
/// auction's rules (minimum bid, reserve price, the bidder's share of the volume) and refused with the rule named. A bid
/// cannot be withdrawn: there is no operation for it.
/// </summary>
public sealed record PlaceBid(long Auction, AccountNumber Account, long Tonnes, Yuan Price, IdempotencyKey Key) : ICashCommand
{
    /// <summary>The request as typed; <c>price</c> in yuan per tonne, exact to the fen.</summary>
    public sealed record Form(long? Auction, string? Account, long? Tonnes, decimal? Price, string? IdempotencyKey);

    /// <summary>The holding accounts the actor represents in the registry, set by <see cref="AuctionService"/>.</summary>
    public IReadOnlyList<Account> Represented { get; init; } = [];

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => AuctionRoles.Bidders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out PlaceBid? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var auction = form.Auction is { } a and > 0 ? a : 0;
        if (auction == 0)
        {
            read.Fail("auction", "Required", "auction: an auction number is a whole number ≥ 1");
        }
        var account = read.Account(form.Account, "account");
        var tonnes = read.Quantity(form.Tonnes, "tonnes");
        var price = read.Amount(form.Price, "price");
        var key = read.Key(form.IdempotencyKey);
        command = read.IsValid ? new PlaceBid(auction, account, tonnes.Value, price, key) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<CashCommandOutcome> RunAsync(CashWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var s = work.Session;
        if (await s.Auctions.FindAuctionAsync(Auction).ConfigureAwait(false) is not { } auction)
        {
            return new CashCommandOutcome.NotFound("auction");
        }
        if (work.Actor.OrganisationId is not { } organisationId
            || await s.Organisations.FindByIdAsync(organisationId).ConfigureAwait(false) is not { } bidder)
        {
            return new CashCommandOutcome.Refused("NoOrganisation", "actor", "only a user of an organisation may bid", RefusalKind.Forbidden);
        }
        if (await s.Auctions.FindBidAsync(Key.Value).ConfigureAwait(false) is { } earlier)
        {
            return earlier.AuctionId == Auction && earlier.OrganisationId == organisationId && earlier.Tonnes == Tonnes && earlier.Price == Price
                ? new CashCommandOutcome.Completed("auction.bid-placed", earlier.Id, Duplicate: true)
                : new CashCommandOutcome.Refused(nameof(CashRejection.KeyReused), "idempotencyKey",
                    $"the idempotency key '{Key.Value}' was used for a different bid", RefusalKind.Conflict);
        }
        if (auction.Status == AuctionStatus.Withdrawn)
        {
            return CashCommandOutcome.Refused.Of("AuctionWithdrawn", "auction",
                $"auction {auction.Id} was withdrawn by the regulator before its close: it takes no bid and is not closed", RefusalKind.Conflict);
        }
        if (!auction.TakesBidsAt(work.Now))
        {
            return new CashCommandOutcome.Refused("AuctionNotOpen", "auction",
                $"auction {auction.Id} takes bids from {auction.OpensAt:u} to {auction.ClosesAt:u} while open; it is {auction.Status.ToString().ToLowerInvariant()}",
                RefusalKind.Conflict);
        }
        if (Represented.FirstOrDefault(a => a.Number == Account) is not { IsSystemAccount: false, State: AccountState.Open })
        {
            return new CashCommandOutcome.Refused("NotRepresentative", "account",
                $"{Account} is not an open holding account you represent", RefusalKind.Forbidden);
        }
        var bids = await s.Auctions.BidsAsync(auction.Id).ConfigureAwait(false);
        var soFar = bids.Where(b => b.OrganisationId == organisationId).Sum(b => b.Tonnes);
        var bid = new SealedBid(long.MaxValue, organisationId, Tonnes, Price);
        switch (AuctionClearing.Check(auction.Rules, auction.VolumeTonnes, auction.Reserve, soFar, bid))
        {
            case BidRejection.BelowMinimumBid:
                return CashCommandOutcome.Refused.Of(nameof(BidRejection.BelowMinimumBid), "tonnes",
                    $"a bid is at least {auction.Rules.MinimumBidTonnes} t", RefusalKind.Malformed);
            case BidRejection.BelowReservePrice:
                return CashCommandOutcome.Refused.Of(nameof(BidRejection.BelowReservePrice), "price",
                    $"the reserve price is {auction.Reserve} yuan per tonne", RefusalKind.Malformed);
            case BidRejection.BidderLimitExceeded:
                return CashCommandOutcome.Refused.Of(nameof(BidRejection.BidderLimitExceeded), "tonnes",
                    $"one bidder's bids add up to at most {auction.Rules.BidderLimitTonnes(auction.VolumeTonnes)} t; yours have {soFar} t",
                    RefusalKind.Conflict);
            default:
                break;
        }
        var held = Yuan.Times(Price, Tonnes);
        var reference = AuctionService.Subject(auction.Id) + "/bid";
        if (await work.Ledger.ReserveAsync(bidder, held, reference, ReservationKey(Key)).ConfigureAwait(false)
            is CashResult.Refused refused)
        {
            return CashCommandOutcome.From(refused, "price");
        }
        var reservation = await s.Cash.FindReservationAsync(ReservationKey(Key).Value).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the bid's reservation was not stored");
        var placed = await s.Auctions.InsertBidAsync(new AuctionBid(0, auction.Id, organisationId, Account, Tonnes, Price, reservation.Id,
            work.Now, work.Actor.UserName) { Key = Key.Value }).ConfigureAwait(false);
        await s.Journal.AppendAsync(work.Now, work.Actor.UserName, "auction.bid-placed", bidder.Code.Value, Json.Serialize(new
        {
            auction = auction.Id, bid = placed.Id, account = Account.Value, tonnes = Tonnes, price = Price.Value, held = held.Value,
            reservation = reservation.Id, key = Key.Value,
        })).ConfigureAwait(false);
        return new CashCommandOutcome.Completed("auction.bid-placed", placed.Id, Duplicate: false);
    }

    // The bid's cash reservation has a key of its own, derived from the bid's (a hash keeps it within the key's length).
    private static IdempotencyKey ReservationKey(IdempotencyKey key) => IdempotencyKey.From(
        "bid:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key.Value)))[..40]);
}
