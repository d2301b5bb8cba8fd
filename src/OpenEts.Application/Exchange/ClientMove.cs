namespace OpenEts.Application.Exchange;

/// <summary>
/// A move (转托管) of the reader's organisation's client account that its member offered to another member, as the client
/// sees it: it waits for the client's confirmation, then for the new member's acceptance (<see cref="AnswerClientMove"/>).
/// </summary>
/// <param name="Account">The client account, with <see cref="TradingAccount.TransferConfirmed"/>.</param>
/// <param name="FromMember">The present member's own trading account.</param>
/// <param name="FromName">The present member's name.</param>
/// <param name="ToMember">The new member's own trading account.</param>
/// <param name="ToName">The new member's name.</param>
/// <param name="MayAnswer">True when the reader represents the account's holding account, and so may confirm or refuse it.</param>
public sealed record ClientMove(TradingAccount Account, long FromMember, string FromName, long ToMember, string ToName, bool MayAnswer);
