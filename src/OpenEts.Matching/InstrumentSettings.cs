namespace OpenEts.Matching;

/// <summary>
/// Settings of one instrument's book (品种) for one trading day: prices in fen per tonne, quantities in tonnes.
/// The price band is fixed for the day, which bounds the book to <see cref="LevelCount"/> price levels.
/// </summary>
public sealed class InstrumentSettings
{
    /// <summary>Listed orders must be below 100 000 t (docs/shared reference trading.md §5.1, [confirmed]).</summary>
    public const long DefaultMaxOrderTonnes = 99_999;

    /// <summary>±10 % of the previous close (trading.md §5.1 挂牌协议, [confirmed]).</summary>
    public const int DefaultBandBasisPoints = 1_000;

    /// <summary>
    /// The largest maximum order size an instrument may set: 10⁹ t. With at most 2³¹ resting orders (the pools are
    /// arrays), no level, side, FOK look-ahead or auction sum can exceed 2 × 2³¹ × 10⁹ ≈ 4.3 × 10¹⁸ &lt; 2⁶³, so no
    /// sum in the book can overflow (docs/matching.md, "Bounds").
    /// </summary>
    public const long MaxOrderTonnesLimit = 1_000_000_000;

    /// <summary>The highest reference price: long.MaxValue / 20 000 fen, so the band arithmetic cannot overflow.</summary>
    public const long MaxReferencePriceFen = long.MaxValue / 20_000;

    /// <summary>The book indexes its levels directly over the band; wider bands are refused (documented bound).</summary>
    public const int MaxLevelCount = 1 << 22;

    /// <summary>
    /// The national 挂牌协议 trades at the counterparty's price within the best 5 price levels (trading.md §5.1, [confirmed]):
    /// the <see cref="MatchLevels"/> of an instrument with that rule switched on.
    /// </summary>
    public const int NationalMatchLevels = 5;

    private InstrumentSettings(
        string code, long referencePriceFen, long tickFen, long lotTonnes, long maxOrderTonnes, int bandBasisPoints,
        SelfTradePrevention selfTradePrevention, long lowerBandFen, long upperBandFen, int matchLevels)
    {
        Code = code;
        ReferencePriceFen = referencePriceFen;
        TickFen = tickFen;
        LotTonnes = lotTonnes;
        MaxOrderTonnes = maxOrderTonnes;
        BandBasisPoints = bandBasisPoints;
        SelfTradePrevention = selfTradePrevention;
        LowerBandFen = lowerBandFen;
        UpperBandFen = upperBandFen;
        MatchLevels = matchLevels;
    }

    public string Code { get; }

    /// <summary>Reference price (the previous close), fen per tonne.</summary>
    public long ReferencePriceFen { get; }

    /// <summary>Price tick in fen: prices must be whole multiples of it (0.01 元 = 1 fen, trading.md §5.1).</summary>
    public long TickFen { get; }

    /// <summary>Quantity step in tonnes (1 t, trading.md §5.1).</summary>
    public long LotTonnes { get; }

    /// <summary>Largest accepted order quantity, inclusive, in tonnes.</summary>
    public long MaxOrderTonnes { get; }

    /// <summary>Daily band as basis points of the reference price (1 000 = ±10 %).</summary>
    public int BandBasisPoints { get; }

    public SelfTradePrevention SelfTradePrevention { get; }

    /// <summary>Lowest accepted price: reference × (1 − band), rounded up to the tick (never below one tick).</summary>
    public long LowerBandFen { get; }

    /// <summary>Highest accepted price: reference × (1 + band), rounded down to the tick.</summary>
    public long UpperBandFen { get; }

    public int LevelCount => (int)((UpperBandFen - LowerBandFen) / TickFen) + 1;

    /// <summary>
    /// The most opposite price levels one incoming (or re-entering amended) order may trade through, best first; 0 = no
    /// limit (the default). With <see cref="NationalMatchLevels"/> (5) the book follows the national 挂牌协议 rule: an order
    /// trades at the resting orders' prices within the best 5 levels of the other side; a remainder that would still cross
    /// the 6th is cancelled (<see cref="Reason.BeyondBestLevels"/>), one that no longer crosses rests if it is a limit order.
    /// </summary>
    public int MatchLevels { get; }

    public static InstrumentSettings Create(
        string code,
        long referencePriceFen,
        long tickFen = 1,
        long lotTonnes = 1,
        long maxOrderTonnes = DefaultMaxOrderTonnes,
        int bandBasisPoints = DefaultBandBasisPoints,
        SelfTradePrevention selfTradePrevention = SelfTradePrevention.CancelIncoming,
        int matchLevels = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(referencePriceFen);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tickFen);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lotTonnes);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOrderTonnes, lotTonnes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxOrderTonnes, MaxOrderTonnesLimit);
        ArgumentOutOfRangeException.ThrowIfNegative(bandBasisPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bandBasisPoints, 10_000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(referencePriceFen, MaxReferencePriceFen);
        ArgumentOutOfRangeException.ThrowIfNegative(matchLevels);
        if (!Enum.IsDefined(selfTradePrevention))
        {
            throw new ArgumentOutOfRangeException(nameof(selfTradePrevention));
        }

        // Round the band inwards to the tick so nothing can trade outside ±band, all in integers.
        long lowScaled = referencePriceFen * (10_000 - bandBasisPoints);
        long highScaled = referencePriceFen * (10_000 + bandBasisPoints);
        long tickScaled = tickFen * 10_000;
        long lower = Math.Max(tickFen, (lowScaled + tickScaled - 1) / tickScaled * tickFen);
        long upper = highScaled / tickScaled * tickFen;
        if (upper < lower)
        {
            throw new ArgumentException("The band contains no price on the tick grid.", nameof(tickFen));
        }

        if ((upper - lower) / tickFen >= MaxLevelCount)
        {
            throw new ArgumentException($"The band spans more than {MaxLevelCount} ticks.", nameof(tickFen));
        }

        return new InstrumentSettings(
            code, referencePriceFen, tickFen, lotTonnes, maxOrderTonnes, bandBasisPoints, selfTradePrevention, lower, upper, matchLevels);
    }
}
