using System.Diagnostics;
using System.Globalization;
using OpenEts.Application.Cash;
using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Auction;

/// <summary>
/// The auction's use cases, for the API, the pages, the CLI and the demo: announce (rules from the plan), bid (the
/// registry accounts the bidder represents looked up first), and close.
/// </summary>
/// <remarks>
/// <b>Closing runs on the exchange</b> (<see cref="SettleAuction"/>, one command of <see cref="ExchangeService"/>): the bids
/// are cleared by the allocation's rules and every award settles delivery versus payment by the exchange's one settlement
/// path, in ONE transaction over the cash ledger and the registry — each winner's reservation pays the auction proceeds and
/// the registry allocates its units from the issuance account (key <c>auction/{id}/bid/{bid}</c>), or, when the registry
/// refuses one award, nothing moves and the auction stays open for closing again. The exchange's end of day reconciles
/// the awards settled that day (docs/exchange.md).
/// </remarks>
public sealed class AuctionService(
    CashCommandHandler cash, ExchangeService exchange, TimeProvider clock, RegistryQueries registryQueries, IAuctionRulesSource rules)
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
        var issuance = (await registryQueries.AccountsAsync(actor, ct).ConfigureAwait(false)).FirstOrDefault(a => a.Kind == AccountKind.Issuance);
        long? available = issuance is null ? null
            : await registryQueries.HoldingsAsync(actor, issuance.Number, ct).ConfigureAwait(false) is AccountRead<IReadOnlyList<Holding>>.Found held
                ? held.Value.Where(h => h.Class == command.Class).Sum(h => h.Total.Value)
                : null;
        var jurisdictions = found is null ? await rules.JurisdictionsAsync(ct).ConfigureAwait(false) : [];
        return await cash.HandleAsync(actor, command with { Rules = found, Available = available, PlanJurisdictions = jurisdictions }, ct)
            .ConfigureAwait(false);
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

    /// <summary>The event <see cref="CloseAsync"/> answers with for an auction it failed (<c>auction.failed</c>).</summary>
    public const string FailedEvent = FailAuction.Kind;

    /// <summary>
    /// Closes an auction on the exchange: clears it and settles every award delivery versus payment, all or nothing. A
    /// closed auction answers as a duplicate; one left half-settled by the earlier two-step close is finished. An open
    /// auction whose awards the registry refuses to deliver (the issuance account drained since the announcement, a
    /// winner's holding account closed) is failed instead (<see cref="FailAuction"/>): nothing of the refused close stays,
    /// every bid's cash is released, and the answer is <c>auction.failed</c> with the reason kept on the auction.
    /// </summary>
    public async Task<CashCommandOutcome> CloseAsync(Actor actor, long auction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var outcome = await exchange.HandleAsync(actor, new SettleAuction(auction), clock.GetUtcNow(), ct).ConfigureAwait(false);
        if (outcome is ExchangeOutcome.Refused { Rule: ExchangeRule.DeliveryRefused } refused)
        {
            outcome = await exchange.HandleAsync(actor, new FailAuction(auction, refused.Message), clock.GetUtcNow(), ct).ConfigureAwait(false);
        }
        return Map(outcome, auction);
    }

    /// <summary>
    /// Withdraws an auction not yet closed (撤销拍卖, <see cref="WithdrawAuction"/>) on the exchange, whose cash ledger releases
    /// every bid's reservation in the same transaction.
    /// </summary>
    public async Task<CashCommandOutcome> WithdrawAsync(Actor actor, WithdrawAuction command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        return Map(await exchange.HandleAsync(actor, command, clock.GetUtcNow(), ct).ConfigureAwait(false), command.Auction);
    }

    private static CashCommandOutcome Map(ExchangeOutcome outcome, long auction) =>
        outcome switch
        {
            ExchangeOutcome.Completed c => new CashCommandOutcome.Completed(c.Event, auction, c.Duplicate),
            ExchangeOutcome.Refused { Rule: ExchangeRule.UnknownAuction } => new CashCommandOutcome.NotFound("auction"),
            // The allocation's own name for an auction still taking bids (docs/auction.md).
            ExchangeOutcome.Refused { Rule: ExchangeRule.AuctionNotOver } r => new CashCommandOutcome.Refused("BiddingNotOver", r.Field, r.Message, r.Kind)
            {
                Figures = r.Figures,
            },
            ExchangeOutcome.Refused r => new CashCommandOutcome.Refused(r.Rule.ToString(), r.Field, r.Message, r.Kind) { Figures = r.Figures },
            ExchangeOutcome.Forbidden f => new CashCommandOutcome.Forbidden(f.Allowed),
            _ => throw new UnreachableException(),
        };
}
