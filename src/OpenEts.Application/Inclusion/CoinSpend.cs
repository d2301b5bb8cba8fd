namespace OpenEts.Application.Inclusion;

/// <summary>
/// The one way coins leave a citizen's wallet for a redemption or a donation: lapsed lots expire first, then the coins
/// are spent from the lots that lapse first, and the wallet counts them (redeemed or donated) with the lapsed coins.
/// Nothing is written when the spendable balance is short.
/// </summary>
internal static class CoinSpend
{
    /// <summary>What the spend did: whether it spent, the coins spendable before it, and the coins that lapsed on the way.</summary>
    public sealed record Result(bool Spent, long Balance, long Lapsed);

    /// <summary>Spends <paramref name="coins"/> of the actor's wallet in <paramref name="programme"/> today.</summary>
    public static async Task<Result> SpendAsync(InclusionWork work, string programme, long coins, bool donation)
    {
        var data = work.Session.Inclusion;
        var userId = work.Actor.UserId;
        var ledger = new Domain.Inclusion.CoinLedger(await data.LotsAsync(userId, programme, work.Today).ConfigureAwait(false));
        var before = ledger.Lots.ToDictionary(l => l.Earned, l => l.Remaining);
        var lapsed = ledger.Expire(work.Today);
        var balance = ledger.Balance(work.Today);
        if (!(donation ? ledger.Donate(work.Today, coins) : ledger.Redeem(work.Today, coins)))
        {
            return new Result(false, balance, lapsed);
        }
        var wallet = await data.WalletAsync(userId, programme).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"user {userId} holds coins in {programme} without a wallet");
        await data.SaveLotsAsync(userId, programme, ledger.Lots.Where(l => before[l.Earned] != l.Remaining)).ConfigureAwait(false);
        await data.SaveWalletAsync(wallet with
        {
            Redeemed = wallet.Redeemed + (donation ? 0 : coins),
            Donated = wallet.Donated + (donation ? coins : 0),
            Expired = wallet.Expired + lapsed,
        }).ConfigureAwait(false);
        // The programme's public totals move with the wallet, in the same transaction.
        await data.AddProgrammeTotalsAsync(ProgrammeTotals.None(programme) with
        {
            Redeemed = donation ? 0 : coins,
            Donated = donation ? coins : 0,
            Expired = lapsed,
        }).ConfigureAwait(false);
        if (!donation)
        {
            // The month's redeemers: this citizen counts unless they redeemed this month already (or the cell no longer counts).
            var month = MonthCell.MonthOf(work.Today);
            var cell = (await data.ProgrammeMonthsAsync(programme, month, month).ConfigureAwait(false)).FirstOrDefault(c => c.Kind == MonthCellKind.Redeemers);
            var first = cell is not { Saturated: true } && !await data.RedeemedInMonthAsync(userId, programme, month).ConfigureAwait(false);
            await data.AddProgrammeMonthsAsync(programme, [new MonthCell(month, MonthCellKind.Redeemers, default, first ? 1 : 0, coins)]).ConfigureAwait(false);
        }
        return new Result(true, balance, lapsed);
    }
}
