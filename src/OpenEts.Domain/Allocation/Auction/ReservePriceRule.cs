using System.Globalization;

namespace OpenEts.Domain.Allocation.Auction;

/// <summary>
/// How an auction's reserve price (政策保留价, the lowest valid bid) is computed from market prices before the notice.
/// </summary>
/// <param name="Kind">
/// <see cref="AverageMarketPrice"/>: <paramref name="Fraction"/> × the plain average of the monthly market prices the
/// regulator gives for the <paramref name="Months"/> months before the notice (Guangdong 2015 year: 80 % of three
/// months). <see cref="WeightedAverageListedPrice"/>: <paramref name="Fraction"/> × Σ(turnover) ÷ Σ(volume) of the listed
/// (挂牌 / 挂牌点选) trades of the <paramref name="Months"/> calendar months before the notice (Guangdong 2016 year's third
/// auction: 100 %, three months). <see cref="FixedPrice"/>: <paramref name="Price"/> as stated.
/// </param>
/// <param name="Fraction">The multiplier, in (0, 1] (0.8 = 80 %); ignored for a fixed price.</param>
/// <param name="Months">How many months before the notice are averaged (1–12); ignored for a fixed price.</param>
/// <param name="Price">The fixed reserve in yuan per tonne, exact to the fen; only for <see cref="FixedPrice"/>.</param>
/// <param name="Source">Where the formula was read.</param>
/// <param name="Confirmed">Whether the source states it for the plan's year.</param>
/// <remarks>
/// The result is rounded to the fen half away from zero. No source states the rounding [UNCONFIRMED]; both published
/// reserves (12.8 and 16.09 元/t) are whole fen.
/// </remarks>
public sealed record ReservePriceRule(
    string Kind,
    decimal Fraction,
    int Months,
    decimal? Price,
    string Source,
    bool Confirmed)
{
    /// <summary>A fraction of the plain average of monthly market prices.</summary>
    public const string AverageMarketPrice = "averageMarketPrice";

    /// <summary>A fraction of the volume-weighted average price of listed trades.</summary>
    public const string WeightedAverageListedPrice = "weightedAverageListedPrice";

    /// <summary>A price the plan states.</summary>
    public const string FixedPrice = "fixedPrice";

    /// <summary>Guangdong 2016 year's third auction: the weighted average listed price of the three calendar months before the notice.</summary>
    public static ReservePriceRule GuangdongListedAverage { get; } = new(
        WeightedAverageListedPrice, Fraction: 1m, Months: 3, Price: null,
        Source: "guangdong.md §1.6: 2016 year's 3rd auction, reserve 16.09 元/t (http://www.ddip.com.cn/20170324a)",
        Confirmed: false);

    /// <summary>Guangdong 2015 year: 80 % of the average market price of the three months before.</summary>
    public static ReservePriceRule GuangdongEightyPercent { get; } = new(
        AverageMarketPrice, Fraction: 0.8m, Months: 3, Price: null,
        Source: "guangdong.md §1.4a: 2015 year (https://ets-china.org/news/guangdong-carbon-auction-allowances-of-2015-will-be-reduced/)",
        Confirmed: false);

    /// <summary>What is wrong with this rule (empty when it can be used).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        switch (Kind)
        {
            case AverageMarketPrice or WeightedAverageListedPrice:
                if (Fraction <= 0m || Fraction > 1m)
                {
                    problems.Add(Text($"the reserve fraction is in (0, 1] (was {Fraction})"));
                }
                if (Months is < 1 or > 12)
                {
                    problems.Add(Text($"the reserve averages 1 to 12 months (was {Months})"));
                }
                break;
            case FixedPrice:
                if (Price is not { } p || p <= 0m || decimal.Round(p, 2) != p)
                {
                    problems.Add("a fixed reserve is a price > 0 in yuan, exact to the fen");
                }
                break;
            default:
                problems.Add($"the reserve rule '{Kind}' is not known (one of {AverageMarketPrice}, {WeightedAverageListedPrice}, {FixedPrice})");
                break;
        }
        return problems;
    }

    /// <summary>
    /// The calendar months this rule averages for a notice given on <paramref name="notice"/> (a day): the
    /// <see cref="Months"/> months before the notice's month, oldest first, each as its first day; none for a fixed price.
    /// A notice of 2017-03-20 under Guangdong's rule averages 2016-12, 2017-01 and 2017-02.
    /// </summary>
    public IReadOnlyList<DateOnly> MonthsBefore(DateOnly notice)
    {
        if (Kind == FixedPrice || Months is < 1 or > 12)
        {
            return [];
        }
        var first = new DateOnly(notice.Year, notice.Month, 1);
        var months = new DateOnly[Months];
        for (var i = 0; i < Months; i++)
        {
            months[i] = first.AddMonths(i - Months);
        }
        return months;
    }

    /// <summary>
    /// Whether <paramref name="inputs"/> are exactly the months <see cref="MonthsBefore"/> the notice names, in any order,
    /// each once (the day of each input's month is ignored).
    /// </summary>
    public bool CoversMonthsBefore(DateOnly notice, IReadOnlyList<ReservePriceInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var expected = MonthsBefore(notice);
        if (inputs.Count != expected.Count)
        {
            return false;
        }
        var given = new HashSet<DateOnly>();
        foreach (var input in inputs)
        {
            given.Add(new DateOnly(input.Month.Year, input.Month.Month, 1));
        }
        return given.SetEquals(expected);
    }

    /// <summary>
    /// One month's average price in yuan per tonne as this rule reads it, unrounded: the given market price for
    /// <see cref="AverageMarketPrice"/>, otherwise the listed turnover ÷ volume; null when the month has no listed volume.
    /// </summary>
    public decimal? MonthPrice(ReservePriceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Kind == AverageMarketPrice ? input.Price
            : input.VolumeTonnes > 0 ? input.Turnover / input.VolumeTonnes
            : null;
    }

    /// <summary>
    /// The reserve in yuan per tonne from the inputs, rounded to the fen; or why it cannot be computed.
    /// </summary>
    /// <param name="inputs">
    /// One entry per month before the notice: for <see cref="AverageMarketPrice"/> the month's market price (volume
    /// ignored); for <see cref="WeightedAverageListedPrice"/> the month's listed turnover in yuan and volume in tonnes.
    /// Ignored for <see cref="FixedPrice"/>.
    /// </param>
    /// <param name="reserve">The reserve in yuan per tonne, exact to the fen, when computed.</param>
    /// <param name="reason">Why it cannot be computed, else null.</param>
    public bool TryCompute(IReadOnlyList<ReservePriceInput> inputs, out decimal reserve, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        reserve = 0m;
        reason = Problems() is { Count: > 0 } problems ? string.Join("; ", problems) : null;
        if (reason is not null)
        {
            return false;
        }
        if (Kind == FixedPrice)
        {
            reserve = Price!.Value;
            return true;
        }
        if (inputs.Count != Months)
        {
            reason = Text($"the rule averages {Months} months; {inputs.Count} were given");
            return false;
        }
        decimal average;
        if (Kind == AverageMarketPrice)
        {
            if (inputs.Any(i => i.Price <= 0m))
            {
                reason = "every month's market price is > 0";
                return false;
            }
            average = inputs.Sum(i => i.Price) / Months;
        }
        else
        {
            if (inputs.Any(i => i.Turnover < 0m || i.VolumeTonnes < 0))
            {
                reason = "turnover and volume are never negative";
                return false;
            }
            var volume = inputs.Sum(i => i.VolumeTonnes);
            if (volume == 0)
            {
                reason = "no listed trades in the months before the notice: the weighted average is undefined";
                return false;
            }
            average = inputs.Sum(i => i.Turnover) / volume;
        }
        reserve = decimal.Round(average * Fraction, 2, MidpointRounding.AwayFromZero);
        if (reserve <= 0m)
        {
            reason = "the computed reserve is below one fen";
            return false;
        }
        return true;
    }

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
