namespace OpenEts.Application.Inclusion;

/// <summary>A redemption of coins against a catalogue item: its code for the merchant, and its idempotency key.</summary>
public sealed record CoinRedemption(long Id, long UserId, string Programme, string Item, long Coins, DateTimeOffset At, string Code, string Key);
