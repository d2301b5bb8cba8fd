using System.Globalization;
using OpenEts.Application.Cash;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Auction;

/// <summary>
/// The auction's use cases, for the API, the pages, the CLI and the demo: announce (rules from the plan), bid (the
/// registry accounts the bidder represents looked up first), and close.
/// </summary>
/// <remarks>
/// <para>
/// <b>Closing settles two stores in order</b> (the cash ledger's tables and the registry's journal-sourced ledger commit
/// in separate transactions, so one transaction cannot hold both):
/// </para>
/// <list type="number">
/// <item>Clear and settle the cash in one transaction (<see cref="ClearAuction"/>): every winner pays its won tonnes ×
/// the clearing price from its bid's reservation to the auction proceeds, every other reservation is freed, the awards
/// are stored, and the auction is <see cref="AuctionStatus.Cleared"/>. The money was reserved when each bid was placed,
/// so this step cannot fail for want of cash.</item>
/// <item>Deliver the allowances through the registry: one <see cref="AllocateUnits"/> per winning bid from the issuance
/// account to the bid's holding account, with the idempotency key <c>auction/{id}/bid/{bid}</c>, run through
/// <see cref="RegistryCommandHandler"/>.</item>
/// <item>Record the deliveries; when all are done the auction is <see cref="AuctionStatus.Settled"/> and its results
/// are published.</item>
/// </list>
/// <para>
/// A failure between the steps (a crash, or the registry refusing: a blocked account, not enough units issued) leaves
/// the auction <see cref="AuctionStatus.Cleared"/>: paid, with some allowances owed. Running the close again skips the
/// clearing (the cash is settled once, by the status and by each payment's key) and re-sends every undelivered award; the
/// registry answers a key it has already executed as a duplicate, so nothing is delivered twice.
/// </para>
/// </remarks>
public sealed class AuctionService(
    CashCommandHandler cash, RegistryCommandHandler registry, RegistryQueries registryQueries, IStore store, IAuctionRulesSource rules)
{
    /// <summary>The journal subject of an auction (<c>auction/3</c>), also the prefix of its cash references and keys.</summary>
    public static string Subject(long auction) => string.Create(CultureInfo.InvariantCulture, $"auction/{auction}");

    /// <summary>Announces an auction under the rules of its jurisdiction's approved plan.</summary>
    public async Task<CashCommandOutcome> AnnounceAsync(Actor actor, AnnounceAuction command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Roles.Contains(actor.Role))
        {
            return new CashCommandOutcome.Forbidden(command.Roles);
        }
        var found = await rules.RulesAsync(command.Jurisdiction, command.Year, ct).ConfigureAwait(false);
        return await cash.HandleAsync(actor, command with { Rules = found }, ct).ConfigureAwait(false);
    }

    /// <summary>Places a sealed bid for the actor's organisation.</summary>
    public async Task<CashCommandOutcome> BidAsync(Actor actor, PlaceBid command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Roles.Contains(actor.Role))
        {
            return new CashCommandOutcome.Forbidden(command.Roles);
        }
        var user = RegistryService.UserOf(actor.UserName);
        var represented = (await registryQueries.AccountsAsync(actor, ct).ConfigureAwait(false)).Where(a => a.IsRepresentative(user)).ToList();
        return await cash.HandleAsync(actor, command with { Represented = represented }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes an auction: clears it and settles the cash, delivers the allowances, records the deliveries. Safe to run
    /// again on a half-settled auction, which it finishes.
    /// </summary>
    public async Task<CashCommandOutcome> CloseAsync(Actor actor, long auction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var cleared = await cash.HandleAsync(actor, new ClearAuction(auction), ct).ConfigureAwait(false);
        if (cleared is not CashCommandOutcome.Completed)
        {
            return cleared;
        }
        var (record, bids) = await store.ReadAsync(async s =>
            (await s.Auctions.FindAuctionAsync(auction).ConfigureAwait(false), await s.Auctions.BidsAsync(auction).ConfigureAwait(false)), ct)
            .ConfigureAwait(false);
        if (record!.Status == AuctionStatus.Settled)
        {
            return cleared;
        }
        var delivered = new List<long>();
        CashCommandOutcome? failure = null;
        foreach (var bid in bids.Where(b => !b.Delivered && b.Awarded > 0))
        {
            var allocate = new AllocateUnits(bid.Account, record.Class, Domain.Quantities.AllowanceCount.From(bid.Awarded!.Value),
                IdempotencyKey.From($"{Subject(auction)}/bid/{bid.Id}"));
            var outcome = await registry.HandleAsync(actor, allocate, ct).ConfigureAwait(false);
            if (outcome is RegistryCommandOutcome.Completed)
            {
                delivered.Add(bid.Id);
                continue;
            }
            failure = outcome switch
            {
                RegistryCommandOutcome.Refused r => new CashCommandOutcome.Refused("DeliveryRefused", "auction",
                    $"bid {bid.Id}: the registry refused to deliver {bid.Awarded} t to {bid.Account}: {r.Message}; the auction stays cleared, close it again once fixed",
                    RefusalKind.Conflict),
                RegistryCommandOutcome.Forbidden f => new CashCommandOutcome.Forbidden(f.Allowed),
                _ => new CashCommandOutcome.Refused("DeliveryRefused", "auction", $"bid {bid.Id} could not be delivered", RefusalKind.Conflict),
            };
            break;
        }
        var recorded = await cash.HandleAsync(actor, new RecordDelivery(auction, delivered), ct).ConfigureAwait(false);
        return failure ?? recorded;
    }
}
