namespace OpenEts.Domain.Inclusion;

/// <summary>
/// What a programme's operator pays a merchant for each coin of a redemption the merchant confirmed (商户结算单价), in
/// yuan: the merchant honoured the item, and the operator settles the coins it took at this value.
/// </summary>
/// <param name="YuanPerCoin">Yuan per coin: more than 0, at most <see cref="MaxYuanPerCoin"/>, to the fen (2 dp), so that
/// every settled amount is exact in fen and never rounded.</param>
/// <param name="Source">Where the value comes from, or why the platform chose it.</param>
/// <param name="Confirmed">True when read in the programme's sources.</param>
public sealed record CoinValue(decimal YuanPerCoin, string Source, bool Confirmed)
{
    /// <summary>The largest value per coin a programme may state (a guard against a misplaced decimal point).</summary>
    public const decimal MaxYuanPerCoin = 100m;

    /// <summary>True when <paramref name="yuanPerCoin"/> is a value a programme may state.</summary>
    public static bool IsValid(decimal yuanPerCoin) =>
        yuanPerCoin > 0 && yuanPerCoin <= MaxYuanPerCoin && decimal.Round(yuanPerCoin, 2) == yuanPerCoin;

    /// <summary>The yuan owed for <paramref name="coins"/> (≥ 0) coins: exact, to the fen.</summary>
    public decimal YuanFor(long coins)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(coins);
        return checked(coins * YuanPerCoin);
    }
}
