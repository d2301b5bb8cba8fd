namespace OpenEts.Domain.Inclusion;

/// <summary>An entry of a programme's redemption catalogue (兑换目录).</summary>
/// <param name="Code">Its code, e.g. <c>movie-ticket</c>.</param>
/// <param name="Name">Its name (Chinese).</param>
/// <param name="Coins">Its price in 碳币 (≥ 1).</param>
/// <param name="Source">Where the price was read.</param>
/// <param name="Confirmed">True when read in its source.</param>
public sealed record RedemptionItem(string Code, string Name, long Coins, string Source, bool Confirmed);
