using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A member's mandate waiting for its client (客户): the client account the member opened, which trades only once the client
/// confirms it (<see cref="AnswerClientMandate"/>) and is deleted if the client declines it (<see cref="AnswerClientMandate"/>).
/// </summary>
/// <param name="Account">The client account, awaiting the client; its holding account and when the member opened it.</param>
/// <param name="MemberAccount">The member's own trading account.</param>
/// <param name="MemberCode">The member's credit code.</param>
/// <param name="MemberName">The member's name.</param>
/// <param name="MayAnswer">True when the reader represents the account's holding account, and so may confirm or decline it.</param>
public sealed record ClientMandate(TradingAccount Account, long MemberAccount, CreditCode MemberCode, string MemberName, bool MayAnswer);
