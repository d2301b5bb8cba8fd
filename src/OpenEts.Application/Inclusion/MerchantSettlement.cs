namespace OpenEts.Application.Inclusion;

/// <summary>
/// A settlement statement (商户结算单): what a programme's operator owes a merchant, in yuan, for the redemptions it
/// confirmed in a period of Beijing days that no earlier statement covered. Journaled when made; its redemptions are
/// settled by it alone.
/// </summary>
/// <param name="Id">Storage id, 0 before it is saved.</param>
/// <param name="MerchantId">The merchant paid.</param>
/// <param name="Programme">The merchant's programme.</param>
/// <param name="PeriodStart">The first Beijing day of confirmations covered.</param>
/// <param name="PeriodEnd">The last Beijing day covered.</param>
/// <param name="Redemptions">How many redemptions it settles.</param>
/// <param name="Coins">Their coins.</param>
/// <param name="Yuan">What is owed, exact to the fen.</param>
/// <param name="SettledAt">When it was made.</param>
/// <param name="SettledBy">Who made it (the operator's representative or the regulator).</param>
public sealed record MerchantSettlement(long Id, long MerchantId, string Programme, DateOnly PeriodStart, DateOnly PeriodEnd, long Redemptions,
    long Coins, decimal Yuan, DateTimeOffset SettledAt, string SettledBy);
