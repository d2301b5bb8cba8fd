using System.Text.RegularExpressions;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Cash;

/// <summary>
/// A movement's reference as a member reads it: <c>exchange/order/22</c> is 委托 #22, <c>exchange/trade/11</c> 成交 #11,
/// and so on for block trades, listing trades, one-way auction bids and allowance auction bids; any other reference (a
/// bank voucher, a text typed at a deposit) is shown as it is.
/// </summary>
public static partial class CashSummary
{
    public static string Of(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (AllowanceBid().Match(reference) is { Success: true } bid)
        {
            return Text.T("cash.ref.allowancebid", bid.Groups[1].Value, bid.Groups[2].Value);
        }
        return ExchangeReference().Match(reference) is { Success: true } m && Text.Has("cash.ref." + m.Groups[1].Value)
            ? Text.T("cash.ref." + m.Groups[1].Value, m.Groups[2].Value)
            : reference;
    }

    [GeneratedRegex("^exchange/(order|trade|block|listing-trade|auction-bid)/([0-9]+)(?:/.*)?$")]
    private static partial Regex ExchangeReference();

    [GeneratedRegex("^auction/([0-9]+)/bid/([0-9]+)(?:/.*)?$")]
    private static partial Regex AllowanceBid();
}
