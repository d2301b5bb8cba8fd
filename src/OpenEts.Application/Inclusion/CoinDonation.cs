namespace OpenEts.Application.Inclusion;

/// <summary>Coins a citizen gave to a programme's public-good cause, with its idempotency key.</summary>
public sealed record CoinDonation(long Id, long UserId, string Programme, string Cause, long Coins, DateTimeOffset At, string Key);
