namespace OpenEts.Domain.Cash;

/// <summary>
/// Money held on an account for a purpose (a bid, an order) until it is settled or released (资金冻结).
/// </summary>
/// <param name="Id">Its id.</param>
/// <param name="AccountId">The account whose money it holds.</param>
/// <param name="Amount">What it holds now, in yuan (0 once closed).</param>
/// <param name="Original">What it held when made.</param>
/// <param name="Reference">What it is for, e.g. <c>auction/3/bid/17</c>.</param>
/// <param name="Open">True while it holds money; false once settled or released.</param>
public sealed record CashReservation(long Id, long AccountId, Yuan Amount, Yuan Original, string Reference, bool Open);
