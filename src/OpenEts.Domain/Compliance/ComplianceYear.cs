using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;
using OpenEts.Domain.Text;

namespace OpenEts.Domain.Compliance;

/// <summary>
/// One jurisdiction's compliance year as surrenders arrive (履约): each entity's obligation and eligible units, and the
/// province's offset totals. <see cref="Check"/> says whether a surrender may go ahead without changing anything;
/// <see cref="Record"/> counts a surrender made. Replaying the year's surrenders in the order they were made rebuilds
/// the same state, so the check before a surrender and the list after it agree. Pure; not thread-safe (the registry's
/// single writer runs it).
/// </summary>
/// <remarks>
/// Amounts are whole tonnes (1 unit = 1 t). An obligation is the approved emissions rounded up; an entity's offset cap is
/// its share of the approved emissions rounded down; the out-of-province part of the province cap (in-province first)
/// is the cap × (1 − least in-province share), rounded down. Every share is compared exactly, in integers or decimals.
/// </remarks>
public sealed class ComplianceYear
{
    private readonly Dictionary<CreditCode, Position> _positions = [];

    /// <summary>A year with the obligations (approved emissions) of its entities.</summary>
    /// <param name="rules">The rules in force.</param>
    /// <param name="year">The compliance year.</param>
    /// <param name="approved">Each entity's approved emissions.</param>
    /// <param name="homeProvinces">
    /// Each entity's home province for the in-province rules: its market's province (<c>GD</c> for a Guangdong or
    /// Shenzhen pilot entity; null for the national market, so that no credit is in-province). An entity not listed
    /// takes the rules' <see cref="OffsetRules.HomeProvince"/>.
    /// </param>
    public ComplianceYear(ComplianceRules rules, int year, IEnumerable<KeyValuePair<CreditCode, Tonnes>> approved,
        IReadOnlyDictionary<CreditCode, string?>? homeProvinces = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(approved);
        if (rules.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException("The compliance rules cannot be evaluated: " + string.Join("; ", problems), nameof(rules));
        }
        Rules = rules;
        Year = year;
        foreach (var (entity, tonnes) in approved)
        {
            var home = homeProvinces is not null && homeProvinces.TryGetValue(entity, out var own) ? own : rules.Offsets.HomeProvince;
            _positions.Add(entity, new Position(tonnes, RequiredUnits(tonnes), OffsetCapOf(rules.Offsets, tonnes), home));
        }
    }

    /// <summary>The rules in force.</summary>
    public ComplianceRules Rules { get; }

    /// <summary>The compliance (emissions) year.</summary>
    public int Year { get; }

    /// <summary>Eligible offsets surrendered by all entities so far, tonnes.</summary>
    public long ProvinceOffsets { get; private set; }

    /// <summary>Of <see cref="ProvinceOffsets"/>, the out-of-province credits.</summary>
    public long ProvinceOutOfProvinceOffsets { get; private set; }

    /// <summary>The entities with an obligation, in code order.</summary>
    public IReadOnlyList<CreditCode> Entities => [.. _positions.Keys.OrderBy(c => c.Value, StringComparer.Ordinal)];

    /// <summary>Units owed for <paramref name="approved"/> emissions: rounded up to whole tonnes, so that no kilogram goes uncovered.</summary>
    public static long RequiredUnits(Tonnes approved) => decimal.ToInt64(decimal.Ceiling(approved.Value));

    /// <summary>The most offsets that count against <paramref name="approved"/> emissions: the plan's share, rounded down.</summary>
    public static long OffsetCapOf(OffsetRules offsets, Tonnes approved)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        return decimal.ToInt64(decimal.Floor(approved.Value * offsets.MaxShareOfEmissions));
    }

    /// <summary>The most out-of-province credits all entities may surrender (in-province first); null when unlimited.</summary>
    public long? OutOfProvinceLimit =>
        Rules.Offsets is { InProvinceFirst: true, ProvinceTotalCap: { } cap } o
            ? decimal.ToInt64(decimal.Floor(cap * (1m - (o.MinInProvinceShare ?? 0m))))
            : null;

    /// <summary>
    /// Null when <paramref name="entity"/> may surrender <paramref name="quantity"/> units of <paramref name="unit"/> now:
    /// the unit rules, then the obligation, the entity's offset cap and in-province share, the province cap and
    /// in-province first. Otherwise the first rule broken. Changes nothing.
    /// </summary>
    public ComplianceRefusal? Check(CreditCode entity, UnitAttributes unit, OffsetProjectFacts? facts, long quantity)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        if (!_positions.TryGetValue(entity, out var p))
        {
            return new ComplianceRefusal(ComplianceRule.NoApprovedEmissions,
                $"{entity} has no approved emissions for {Year}, so nothing can be surrendered for that year yet.");
        }
        if (UnitEligibility.Check(Rules, Year, entity, unit, facts) is { } refused)
        {
            return refused;
        }
        if (p.Surrendered + quantity > p.Required)
        {
            return Refuse(ComplianceRule.ExceedsObligation,
                $"{quantity} units would take the surrender past the {p.Required} t owed ({p.Surrendered} t surrendered, {p.Required - p.Surrendered} t still owed).");
        }
        return unit.Programme == UnitType.Allowance ? null : CheckOffsets(p, unit, facts ?? OffsetProjectFacts.Unknown, quantity);
    }

    /// <summary>
    /// Counts a surrender made at <paramref name="at"/>: eligible units (those <see cref="Check"/> accepts at this point)
    /// count toward the obligation and the caps; the rest count as ineligible. Returns the refusal when it did not count.
    /// A surrender by an entity without an obligation changes nothing.
    /// </summary>
    public ComplianceRefusal? Record(CreditCode entity, UnitAttributes unit, OffsetProjectFacts? facts, long quantity, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var refused = Check(entity, unit, facts, quantity);
        if (!_positions.TryGetValue(entity, out var p))
        {
            return refused;
        }
        if (refused is not null)
        {
            p.Ineligible += quantity;
            return refused;
        }
        if (unit.Programme == UnitType.Allowance)
        {
            p.Allowances += quantity;
        }
        else
        {
            p.Offsets += quantity;
            ProvinceOffsets += quantity;
            if (UnitEligibility.IsInProvince(p.HomeProvince, unit))
            {
                p.InProvince += quantity;
                p.DesignatedPhcer |= unit.Programme == UnitType.Phcer && facts?.DesignatedArea == true;
            }
            else
            {
                ProvinceOutOfProvinceOffsets += quantity;
            }
        }
        if (OnTime(at))
        {
            p.SurrenderedOnTime += quantity;
        }
        if (p.MetAt is null && p.Surrendered >= p.Required)
        {
            p.MetAt = at;
        }
        return null;
    }

    /// <summary>
    /// Where <paramref name="entity"/> stands at <paramref name="now"/>, or null when it has no obligation this year.
    /// <paramref name="referencePrice"/> (yuan/t) feeds penalties fined by price multiples.
    /// </summary>
    public EntityCompliance? StatusOf(CreditCode entity, DateTimeOffset now, decimal? referencePrice = null)
    {
        if (!_positions.TryGetValue(entity, out var p))
        {
            return null;
        }
        var pastDeadline = !OnTime(now);
        var status = p.MetAt is not { } met ? ComplianceStatus.Short
            : OnTime(met) ? ComplianceStatus.Compliant
            : ComplianceStatus.Late;
        var shortAtDeadline = Math.Max(0, p.Required - p.SurrenderedOnTime);
        var penalty = pastDeadline && shortAtDeadline > 0 ? Penalty.For(Rules.Penalties, shortAtDeadline, referencePrice) : null;
        return new EntityCompliance(entity, Year, p.Approved, p.Required, p.Allowances, p.Offsets, p.InProvince, p.Ineligible,
            p.OffsetCap, status, p.MetAt, pastDeadline, penalty);
    }

    /// <summary>Every entity's standing at <paramref name="now"/>, in code order.</summary>
    public IReadOnlyList<EntityCompliance> StatusOfAll(DateTimeOffset now, decimal? referencePrice = null) =>
        [.. Entities.Select(e => StatusOf(e, now, referencePrice)!)];

    /// <summary>True when <paramref name="at"/> falls on or before the deadline day, Beijing time (UTC+8, no daylight saving).</summary>
    public bool OnTime(DateTimeOffset at) =>
        DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime) <= Rules.SurrenderDeadline;

    private ComplianceRefusal? CheckOffsets(Position p, UnitAttributes unit, OffsetProjectFacts facts, long quantity)
    {
        var o = Rules.Offsets;
        if (p.Offsets + quantity > p.OffsetCap)
        {
            return Refuse(ComplianceRule.OffsetCap,
                $"Offsets may cover at most {o.MaxShareOfEmissions * 100m:0.##}% of approved emissions ({p.OffsetCap} t); {p.Offsets} t are surrendered, {quantity} more were asked for, at most {Math.Max(0, p.OffsetCap - p.Offsets)} t more may be offset.");
        }
        var inProvince = UnitEligibility.IsInProvince(p.HomeProvince, unit);
        if (o.MinInProvinceShare is { } least)
        {
            var designated = p.DesignatedPhcer || (inProvince && unit.Programme == UnitType.Phcer && facts.DesignatedArea == true);
            var share = designated && o.MinInProvinceShareWithDesignatedAreaPhcer is { } lower ? lower : least;
            var inAfter = p.InProvince + (inProvince ? quantity : 0);
            if (inAfter < share * (p.Offsets + quantity))
            {
                return Refuse(ComplianceRule.InProvinceShare,
                    $"At least {share * 100m:0.##}% of offsets must be in-province credits; after surrendering {quantity} t, {inAfter} t of {p.Offsets + quantity} t would be.");
            }
        }
        if (o.ProvinceTotalCap is { } cap && ProvinceOffsets + quantity > cap)
        {
            return Refuse(ComplianceRule.ProvinceCap,
                $"The province's offsets for the year are capped at {cap} t; {ProvinceOffsets} t are used, {quantity} t were asked for, at most {Math.Max(0, cap - ProvinceOffsets)} t more may be offset.");
        }
        if (!inProvince && OutOfProvinceLimit is { } limit && ProvinceOutOfProvinceOffsets + quantity > limit)
        {
            return Refuse(ComplianceRule.InProvinceFirst,
                $"Out-of-province credits may fill {limit} t of the province cap (in-province first); {ProvinceOutOfProvinceOffsets} t are used, {quantity} t were asked for, at most {Math.Max(0, limit - ProvinceOutOfProvinceOffsets)} t more.");
        }
        return null;
    }

    // A quantity rule's refusal: the sentence and, for a message in another language, its figures in order.
    private static ComplianceRefusal Refuse(ComplianceRule rule, FormattableString message) =>
        new(rule, Figures.Sentence(message)) { Figures = Figures.Of(message) };

    private sealed class Position(Tonnes approved, long required, long offsetCap, string? homeProvince)
    {
        public string? HomeProvince { get; } = homeProvince;

        public Tonnes Approved { get; } = approved;

        public long Required { get; } = required;

        public long OffsetCap { get; } = offsetCap;

        public long Allowances { get; set; }

        public long Offsets { get; set; }

        public long InProvince { get; set; }

        public bool DesignatedPhcer { get; set; }

        public long Ineligible { get; set; }

        public long SurrenderedOnTime { get; set; }

        public DateTimeOffset? MetAt { get; set; }

        public long Surrendered => Allowances + Offsets;
    }
}
