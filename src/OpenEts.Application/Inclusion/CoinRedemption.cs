namespace OpenEts.Application.Inclusion;

/// <summary>
/// A redemption of coins against a catalogue item: its code for the merchant, its idempotency key, and the merchant that
/// confirmed the code (with when), or null while the code is unclaimed.
/// </summary>
public sealed record CoinRedemption(long Id, long UserId, string Programme, string Item, long Coins, DateTimeOffset At, string Code, string Key,
    long? MerchantId = null, DateTimeOffset? ConfirmedAt = null);
