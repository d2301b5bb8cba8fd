namespace OpenEts.Domain.Inclusion;

/// <summary>
/// What one action earned: its reduction and coins when counted (<see cref="Refusal"/> null), with the coins a cap cut;
/// or why it was refused (<c>NotRewarded</c>, <c>ActionCap</c>, <c>OneTripPerAction</c>, <c>ReadingOutOfOrder</c>), counting nothing.
/// </summary>
public readonly record struct Reward(CarbonGrams Reduction, long Coins, long CoinsCut, string? Refusal)
{
    /// <summary>The cap that cut the coins (the tightest one) when <see cref="CoinsCut"/> is positive; else null.</summary>
    public Cap? CutBy { get; init; }

    /// <summary>True when the action counts.</summary>
    public bool Counted => Refusal is null;

    /// <summary>
    /// The pure rule, then counted: <see cref="Evaluate"/>, and when the action counts, add it to <paramref name="usage"/>.
    /// </summary>
    public static Reward Apply(InclusionProgramme programme, Behaviour behaviour, string source, DateOnly day, ActionMeasure measure,
        UsageLedger usage)
    {
        var reward = Evaluate(programme, behaviour, source, day, measure, usage);
        if (reward.Counted)
        {
            usage.Count(day, behaviour, source, measure.Quantity, reward.Coins);
        }
        return reward;
    }

    /// <summary>
    /// The pure rule: quantify <paramref name="measure"/> with the programme's methodology, count its coins and apply every
    /// cap against <paramref name="usage"/> (which is not changed). A methodology that counts trips takes one trip an action
    /// (quantity 1, else <c>OneTripPerAction</c>); one whose rule is a day's (steps) earns what the action adds to the day's
    /// total; electricity's own average is the household's readings held in <paramref name="usage"/>.
    /// </summary>
    public static Reward Evaluate(InclusionProgramme programme, Behaviour behaviour, string source, DateOnly day, ActionMeasure measure,
        UsageLedger usage)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(usage);
        if (programme.Find(behaviour) is not { } rewarded)
        {
            return new Reward(CarbonGrams.Zero, 0, 0, "NotRewarded");
        }
        if (rewarded.Methodology.CountsTrips && measure.Quantity != 1m)
        {
            return new Reward(CarbonGrams.Zero, 0, 0, "OneTripPerAction");
        }
        // Index loops over the caps: foreach over an IReadOnlyList boxes its enumerator, once per action.
        var caps = programme.Caps;
        for (var i = 0; i < caps.Count; i++)
        {
            var cap = caps[i];
            if (cap.MaxActions is { } max && cap.Covers(behaviour) && usage.Used(cap, day, behaviour, source).Actions >= max)
            {
                return new Reward(CarbonGrams.Zero, 0, 0, "ActionCap");
            }
        }
        // A household's reading for a day before readings already counted would change their own 7-day averages after the
        // fact (their coins are credited): it is refused, and readings count in day order.
        if (rewarded.Methodology.Formula == MethodologyFormula.Electricity && usage.LaterReading(day, behaviour) is not null)
        {
            return new Reward(CarbonGrams.Zero, 0, 0, "ReadingOutOfOrder");
        }
        var (reduction, earned) = Earn(rewarded, behaviour, day, measure, usage);
        var coins = earned;
        Cap? cutBy = null;
        for (var i = 0; i < caps.Count; i++)
        {
            var cap = caps[i];
            if (cap.MaxCoins is { } max && cap.Covers(behaviour))
            {
                var left = Math.Max(0, max - usage.Used(cap, day, behaviour, source).Coins);
                if (left < coins)
                {
                    coins = left;
                    cutBy = cap;
                }
            }
        }
        return new Reward(reduction, coins, earned - coins, null) { CutBy = cutBy };
    }

    // The reduction and coins before caps. A day's rule (steps) is applied to the day's total: the action earns the total's
    // reward less what the day held before it, so however the day's actions are cut or ordered, the day earns the rule on
    // its sum (each total is rounded once, so the differences add up exactly).
    private static (CarbonGrams Reduction, long Coins) Earn(RewardedBehaviour rewarded, Behaviour behaviour, DateOnly day, ActionMeasure measure,
        UsageLedger usage)
    {
        var (methodology, coins) = (rewarded.Methodology, rewarded.Coins);
        if (methodology.SumsTheDay)
        {
            var before = usage.Measured(day, behaviour);
            var after = before + measure.Quantity;
            var (held, total) = (methodology.Quantify(before, null), methodology.Quantify(after, null));
            return (total - held, coins.CoinsFor(after, measure.Minutes, total) - coins.CoinsFor(before, measure.Minutes, held));
        }
        // Electricity's own average is the household's readings held, never the figure the action declares.
        var reduction = methodology.Quantify(measure.Quantity,
            methodology.Formula == MethodologyFormula.Electricity ? usage.OwnAverage(day, behaviour) : null);
        return (reduction, coins.CoinsFor(measure, reduction));
    }
}
