using System.Globalization;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A programme's public statistics (公开统计): reductions by behaviour and month, coins issued and redeemed by month, the
/// wallets' totals, the PHCER aggregated, and the coins given to each cause. Sums over every citizen only: no row names
/// a single person, and <see cref="Suppress"/> withholds every cell (an aggregated period among them) that describes fewer citizens than the programme's
/// <see cref="MinimumGroup"/> (its value is zero and its flag set, so that the figure never leaves the query).
/// </summary>
public sealed record PublicTotals(
    InclusionProgramme Programme, IReadOnlyList<string> Months, IReadOnlyList<PublicTotals.BehaviourMonths> Reductions, IReadOnlyList<long> CoinsIssued,
    IReadOnlyList<long> CoinsRedeemed, long Citizens, long Credited, long Redeemed, long Expired, CarbonGrams Reduction,
    IReadOnlyList<InclusionAggregation> Aggregations)
{
    /// <summary>The coins given to each cause the programme lists.</summary>
    public IReadOnlyList<CauseTotal> Donations { get; init; } = [];

    /// <summary>For each month, true when the coins issued are withheld.</summary>
    public IReadOnlyList<bool> IssuedSuppressed { get; init; } = [];

    /// <summary>For each month, true when the coins redeemed are withheld.</summary>
    public IReadOnlyList<bool> RedeemedSuppressed { get; init; } = [];

    /// <summary>True when the whole programme has fewer citizens than the minimum group: the headline totals are withheld.</summary>
    public bool TotalsSuppressed { get; init; }

    /// <summary>
    /// True when a cause's donations are withheld: then the sum over causes is withheld too, since it would show only the
    /// causes shown (a partial sum), and with them it would give the withheld ones away.
    /// </summary>
    public bool DonatedSuppressed => Donations.Any(d => d.Suppressed);

    /// <summary>For each of <see cref="Aggregations"/>, true when its actions and tonnes are withheld (its period covers too few citizens).</summary>
    public IReadOnlyList<bool> AggregationsSuppressed { get; init; } = [];

    /// <summary>
    /// True when an aggregated period is withheld: then the PHCER total is withheld too, for the same reason as
    /// <see cref="DonatedSuppressed"/>.
    /// </summary>
    public bool PhcerSuppressed => AggregationsSuppressed.Any(h => h);

    /// <summary>Coins given to causes in all; 0 when <see cref="DonatedSuppressed"/>.</summary>
    public long Donated => DonatedSuppressed ? 0 : Donations.Sum(d => d.Coins);

    /// <summary>How many months the charts show, ending with the current one.</summary>
    public const int MonthsShown = 12;

    /// <summary>One behaviour's reduction in each month of <see cref="Months"/>.</summary>
    public sealed record BehaviourMonths(Behaviour Behaviour, IReadOnlyList<CarbonGrams> Reduction)
    {
        /// <summary>For each month, true when the cell is withheld.</summary>
        public IReadOnlyList<bool> Suppressed { get; init; } = [];

        /// <summary>The month's reduction, or null when withheld.</summary>
        public CarbonGrams? Shown(int month) => month < Suppressed.Count && Suppressed[month] ? null : Reduction[month];
    }

    /// <summary>
    /// These totals with every cell that describes 1 to k − 1 citizens withheld (k: <paramref name="minimum"/>), given
    /// the citizens behind each month's cells (<paramref name="months"/>, one per <see cref="Months"/>) and behind each cause.
    /// </summary>
    public PublicTotals Suppress(MinimumGroup minimum, IReadOnlyList<CellCitizens> months)
    {
        ArgumentNullException.ThrowIfNull(minimum);
        ArgumentNullException.ThrowIfNull(months);
        if (months.Count != Months.Count)
        {
            throw new ArgumentException($"one cell count per month ({Months.Count})", nameof(months));
        }
        var reductions = Reductions.Select(b =>
        {
            var hidden = months.Select(m => !minimum.Shows(m.ByBehaviour.GetValueOrDefault(b.Behaviour))).ToList();
            return new BehaviourMonths(b.Behaviour, [.. b.Reduction.Select((g, i) => hidden[i] ? CarbonGrams.Zero : g)]) { Suppressed = hidden };
        }).ToList();
        var issuedHidden = months.Select(m => !minimum.Shows(m.Earners)).ToList();
        var redeemedHidden = months.Select(m => !minimum.Shows(m.Redeemers)).ToList();
        var totalsHidden = !minimum.Shows(Citizens);
        var periodsHidden = Aggregations.Select(a => totalsHidden || !minimum.Shows(a.Citizens)).ToList();
        return this with
        {
            Reductions = reductions,
            CoinsIssued = [.. CoinsIssued.Select((c, i) => issuedHidden[i] ? 0 : c)],
            IssuedSuppressed = issuedHidden,
            CoinsRedeemed = [.. CoinsRedeemed.Select((c, i) => redeemedHidden[i] ? 0 : c)],
            RedeemedSuppressed = redeemedHidden,
            TotalsSuppressed = totalsHidden,
            Citizens = totalsHidden ? 0 : Citizens,
            Credited = totalsHidden ? 0 : Credited,
            Redeemed = totalsHidden ? 0 : Redeemed,
            Expired = totalsHidden ? 0 : Expired,
            Reduction = totalsHidden ? CarbonGrams.Zero : Reduction,
            Donations = [.. Donations.Select(d => minimum.Shows(d.Donors) ? d : new CauseTotal(d.Cause, 0, 0, 0, Suppressed: true))],
            Aggregations = [.. Aggregations.Select((a, i) => periodsHidden[i]
                ? a with { Reduction = CarbonGrams.Zero, Actions = 0, ClaimedTonnes = 0m, Citizens = 0 } : a)],
            AggregationsSuppressed = periodsHidden,
        };
    }

    /// <summary>The PHCER claimed by every aggregation, in tonnes; 0 when <see cref="PhcerSuppressed"/>.</summary>
    public decimal PhcerTonnes => PhcerSuppressed ? 0m : Aggregations.Sum(a => a.ClaimedTonnes);

    /// <summary>The <see cref="MonthsShown"/> months ending with <paramref name="today"/>'s, as yyyy-MM, oldest first.</summary>
    public static IReadOnlyList<string> MonthsTo(DateOnly today) =>
        [.. Enumerable.Range(0, MonthsShown).Select(i => Month(new DateOnly(today.Year, today.Month, 1).AddMonths(i - MonthsShown + 1)))];

    /// <summary>The month key (yyyy-MM) of a day.</summary>
    public static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// Sums daily rows (any citizen, any source) into <paramref name="months"/> by behaviour; rows outside the months are
    /// left out. Behaviours in code order; a behaviour with no row is left out.
    /// </summary>
    public static IReadOnlyList<BehaviourMonths> ByBehaviourAndMonth(IEnumerable<DailyRollup> rows, IReadOnlyList<string> months)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(months);
        var index = months.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i, StringComparer.Ordinal);
        var sums = new SortedDictionary<Behaviour, long[]>();
        foreach (var row in rows)
        {
            if (!index.TryGetValue(Month(row.Day), out var i))
            {
                continue;
            }
            if (!sums.TryGetValue(row.Behaviour, out var line))
            {
                sums[row.Behaviour] = line = new long[months.Count];
            }
            line[i] = checked(line[i] + row.Reduction.Milligrams);
        }
        return [.. sums.Select(kv => new BehaviourMonths(kv.Key, [.. kv.Value.Select(CarbonGrams.FromMilligrams)]))];
    }

    /// <summary>Sums amounts dated by day into <paramref name="months"/>; amounts outside them are left out.</summary>
    public static IReadOnlyList<long> ByMonth(IEnumerable<(DateOnly Day, long Amount)> amounts, IReadOnlyList<string> months)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        ArgumentNullException.ThrowIfNull(months);
        var sums = new long[months.Count];
        var index = months.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i, StringComparer.Ordinal);
        foreach (var (day, amount) in amounts)
        {
            if (index.TryGetValue(Month(day), out var i))
            {
                sums[i] = checked(sums[i] + amount);
            }
        }
        return sums;
    }
}
