using OpenEts.Application.Cash;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Identity;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The counterparty accepts a block trade proposed to it (大宗协议成交), and it settles delivery versus payment in the same
/// transaction, by the same path as a trade on the book (<see cref="ExchangeWork.DeliverAsync(ListedInstrument, Delivery)"/>):
/// the seller's units go into the clearing account, the buyer's cash is reserved for value + the maximum fee, the value
/// and both fees are paid and the units delivered; what the reservation held beyond the fee is released. The terms are
/// checked again at the acceptance (halt, closed day, hours, ±30 % band around the reference as it is then, size); if the
/// seller lacks the units or the buyer the cash, nothing changes. A proposal to a client account (客户) is accepted by its
/// member's trader, for the client. Journalled as <c>exchange.block.settled</c>. The book,
/// its last price and the close are untouched: the trade counts as block volume in the day's statistics.
/// </summary>
/// <param name="Block">The block trade number.</param>
public sealed record AcceptBlockTrade(long Block) : IExchangeCommand
{
    /// <summary>The journal kind of a settled block trade.</summary>
    public const string Kind = "exchange.block.settled";

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var s = work.Session.Exchange;
        var (own, _, notHolder) = await work.ActorAccountAsync().ConfigureAwait(false);
        if (notHolder is not null)
        {
            return notHolder;
        }
        if (await s.FindBlockTradeAsync(Block).ConfigureAwait(false) is not { Status: BlockTradeStatus.Proposed } block
            || !await work.ActsForAsync(own!, block.CounterpartyAccount).ConfigureAwait(false))
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownProposal, "block",
                $"block trade {Block} is not a proposal waiting for your acceptance or your client's", RefusalKind.Conflict);
        }
        // The counterparty's account is the actor's own or one of its member's clients' (the member's own account open too).
        var (_, _, notOpen) = await work.OpenAccountAsync(block.CounterpartyAccount == own!.Id ? null : block.CounterpartyAccount).ConfigureAwait(false);
        if (notOpen is not null)
        {
            return notOpen;
        }
        if (BeijingTime.TradingDay(block.ProposedAt) != BeijingTime.TradingDay(work.Now))
        {
            return new ExchangeOutcome.Refused(ExchangeRule.ProposalExpired, "block",
                $"block trade {Block} was proposed on {BeijingTime.TradingDay(block.ProposedAt):yyyy-MM-dd} and lapsed with that trading day", RefusalKind.Conflict);
        }
        var listed = await s.FindInstrumentAsync(block.Instrument).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"block trade {Block} names an unlisted instrument");
        var book = work.Book(block.Instrument) ?? throw new InvalidOperationException($"{block.Instrument} has no book");
        var closed = await s.LastClosedDayAsync(block.Instrument).ConfigureAwait(false);
        if (BlockTradeCheck.Check(listed.Instrument, book.IsHalted, closed, work.Now, block.PriceFen, block.Quantity) is { } refusal)
        {
            return OrderEntry.Refused(refusal);
        }
        var subject = BlockTrade.Subject(block.Id);
        var (buyAccount, buyer) = await work.OrganisationOfAsync(block.BuyAccount).ConfigureAwait(false);
        var (sellAccount, _) = await work.OrganisationOfAsync(block.SellAccount).ConfigureAwait(false);
        var proposerBuys = block.ProposerSide == Side.Buy;
        var buyUser = proposerBuys ? block.ProposerUser : work.Actor.UserName;
        var sellUser = proposerBuys ? work.Actor.UserName : block.ProposerUser;
        var (reservation, noCash) = await OrderEntry.ReserveCashAsync(work, buyer, block.ValueFen, subject, ExchangeWork.Key($"{subject}/cash"))
            .ConfigureAwait(false);
        if (noCash is not null)
        {
            return noCash with { Field = "block" };
        }
        if (await OrderEntry.HoldUnitsAsync(work, sellAccount, listed, block.Quantity, ExchangeWork.Key($"{subject}/reserve"), subject + "/reserve", sellUser).ConfigureAwait(false)
            is { } noUnits)
        {
            // The buyer's reservation is already written: roll the whole transaction back.
            throw new ExchangeRefusalException(noUnits with { Field = "block" });
        }
        var fees = work.Options.Fees;
        var settled = block with
        {
            Status = BlockTradeStatus.Settled, UpdatedAt = work.Now, AcceptedBy = work.Actor.UserName,
            BuyerFeeFen = fees.FeeFen(block.ValueFen, buyer: true), SellerFeeFen = fees.FeeFen(block.ValueFen, buyer: false),
        };
        await work.DeliverAsync(listed, new Delivery(subject, buyAccount.Id, buyUser, reservation!.Value, sellAccount.Id, settled.Quantity,
            settled.ValueFen, settled.BuyerFeeFen, settled.SellerFeeFen)).ConfigureAwait(false);
        if (await work.Cash.ReleaseAsync(buyer, reservation.Value).ConfigureAwait(false) is CashResult.Refused released)
        {
            throw new InvalidOperationException($"{subject}'s reservation could not be released: {released.Message}");
        }
        await s.SaveBlockTradeAsync(settled).ConfigureAwait(false);
        await work.JournalAsync(Kind, subject, new
        {
            block = settled.Id, instrument = settled.Instrument, price = settled.PriceFen, quantity = settled.Quantity, buyAccount = settled.BuyAccount,
            sellAccount = settled.SellAccount, buyerFee = settled.BuyerFeeFen, sellerFee = settled.SellerFeeFen,
        }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, subject, false, null, [], Block: settled);
    }
}
