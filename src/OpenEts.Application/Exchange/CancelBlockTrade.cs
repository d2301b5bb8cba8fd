using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A block trade proposal that waits is withdrawn by its proposer (<c>exchange.block.withdrawn</c>) or declined by its
/// counterparty (<c>exchange.block.declined</c>); for a client account (客户) by its member's trader. Nothing was held, so
/// nothing is released.
/// </summary>
/// <param name="Block">The block trade number.</param>
public sealed record CancelBlockTrade(long Block) : IExchangeCommand
{
    public const string Withdrawn = "exchange.block.withdrawn";

    public const string Declined = "exchange.block.declined";

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (own, _, notHolder) = await work.ActorAccountAsync().ConfigureAwait(false);
        if (notHolder is not null)
        {
            return notHolder;
        }
        // The proposer's or the counterparty's account is the actor's own or one of its member's clients'.
        var block = await work.Session.Exchange.FindBlockTradeAsync(Block).ConfigureAwait(false);
        var withdrawn = block is { Status: BlockTradeStatus.Proposed } && await work.ActsForAsync(own!, block.ProposerAccount).ConfigureAwait(false);
        if (!withdrawn && (block is not { Status: BlockTradeStatus.Proposed } || !await work.ActsForAsync(own!, block.CounterpartyAccount).ConfigureAwait(false)))
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownProposal, "block", $"block trade {Block} is not a waiting proposal of yours or to you",
                RefusalKind.Conflict);
        }
        var done = block! with { Status = withdrawn ? BlockTradeStatus.Withdrawn : BlockTradeStatus.Declined, UpdatedAt = work.Now };
        await work.Session.Exchange.SaveBlockTradeAsync(done).ConfigureAwait(false);
        var kind = withdrawn ? Withdrawn : Declined;
        await work.JournalAsync(kind, BlockTrade.Subject(block.Id), new { block = block.Id, by = work.Actor.UserName }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(kind, BlockTrade.Subject(block.Id), false, null, [], Block: done);
    }
}
