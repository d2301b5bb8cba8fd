namespace OpenEts.Application.Exchange;

/// <summary>A client's move that the member it was offered to declined, or the client refused: that member, the reason and when.</summary>
/// <param name="Account">The client's trading account.</param>
/// <param name="ToMember">The own trading account of the member that declined.</param>
/// <param name="ToMemberName">That member's organisation's name.</param>
/// <param name="Reason">Its reason; null for a decline made before a reason was required.</param>
/// <param name="At">When it declined.</param>
/// <param name="ByClient">True when the client refused the move (<see cref="AnswerClientMove"/>, no reason), not the member.</param>
public sealed record ClientMoveDeclined(long Account, long ToMember, string ToMemberName, string? Reason, DateTimeOffset At, bool ByClient = false);
