namespace OpenEts.Domain.DualControl.Cards;

/// <summary>
/// One jurisdiction's polluter card rules (红黄牌制度), one version: which violations earn which card, how long a yellow
/// card has to be rectified before it becomes red, when the quarter's list is due, when serious exceedance in
/// consecutive quarters puts a company under listed supervision (挂牌督办), and the environmental credit grades a card
/// lowers. Every number names its source; [UNCONFIRMED] ones have <c>Confirmed = false</c>. Shipped as data
/// (dualcontrol/cards/*.json).
/// </summary>
/// <param name="Code">The jurisdiction's code (<c>tianjin</c>).</param>
/// <param name="Version">The version label (<c>2017</c>); the id is <c>code-version</c>.</param>
/// <param name="Name">The rules' name as published.</param>
/// <param name="Jurisdiction">The province or city (天津市).</param>
/// <param name="ValidFrom">The first day the version applies.</param>
/// <param name="Source">Where the rules are published.</param>
/// <param name="Confirmed">False when the whole version is an unconfirmed copy (Qinghai).</param>
/// <param name="Triggers">The rule lines; red lines are matched before yellow ones.</param>
/// <param name="RectificationDays">Days from a yellow card's confirmation to its rectification deadline.</param>
/// <param name="YellowEscalates">Value 1 when a yellow card not rectified by its deadline becomes red (0: it does not).</param>
/// <param name="ListWithinMonths">Months after a quarter's end by which its public list is published.</param>
/// <param name="SupervisionQuarters">Consecutive quarters of serious exceedance that put a company under 挂牌督办.</param>
/// <param name="SeriousExceedance">The share over the limit from which an exceedance is serious (1 = twice the limit).</param>
/// <param name="CreditGrades">The environmental credit grades, best first (codes).</param>
/// <param name="CreditGradesSource">Where the grade scale comes from.</param>
/// <param name="LevelsPerCard">Grades a card lowers the company's environmental credit by.</param>
public sealed record CardRules(
    string Code,
    string Version,
    string Name,
    string Jurisdiction,
    DateOnly ValidFrom,
    string Source,
    bool Confirmed,
    IReadOnlyList<CardTrigger> Triggers,
    RuleNumber RectificationDays,
    RuleNumber YellowEscalates,
    RuleNumber ListWithinMonths,
    RuleNumber SupervisionQuarters,
    RuleNumber SeriousExceedance,
    IReadOnlyList<string> CreditGrades,
    string CreditGradesSource,
    RuleNumber LevelsPerCard)
{
    /// <summary>The version's id, <c>tianjin-2017</c>.</summary>
    public string Id => $"{Code}-{Version}";

    /// <summary>The card a violation earns, or null when these rules give none (red lines first).</summary>
    public CardProposal? Propose(ViolationKind kind, decimal? fineYuan) =>
        Triggers.Where(t => t.Colour == CardColour.Red).Concat(Triggers.Where(t => t.Colour == CardColour.Yellow))
            .FirstOrDefault(t => t.Matches(kind, fineYuan)) is { } line
            ? new CardProposal(line.Colour, line)
            : null;

    /// <summary>The rectification deadline of a yellow card confirmed on <paramref name="confirmedOn"/> (null for red cards).</summary>
    public DateOnly? DeadlineFor(CardColour colour, DateOnly confirmedOn) =>
        colour == CardColour.Yellow ? confirmedOn.AddDays(RectificationDays.Whole) : null;

    /// <summary>True when the exceedance of <paramref name="measured"/> over <paramref name="limit"/> is serious under these rules.</summary>
    public bool IsSerious(decimal measured, decimal limit) =>
        limit > 0m && measured > limit && (measured - limit) / limit >= SeriousExceedance.Value;

    /// <summary>The rule problems of this version (empty when it can be used).</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        if (Triggers.Count == 0)
        {
            problems.Add("triggers: at least one rule line");
        }
        foreach (var t in Triggers)
        {
            if (t.FineFromYuan is { } from && t.FineBelowYuan is { } below && from >= below)
            {
                problems.Add($"triggers: {t.Kind} fine band [{from}, {below}) is empty");
            }
        }
        foreach (var (name, n) in new[] { ("rectificationDays", RectificationDays), ("listWithinMonths", ListWithinMonths),
            ("supervisionQuarters", SupervisionQuarters), ("levelsPerCard", LevelsPerCard) })
        {
            if (n.Value < 1m || decimal.Truncate(n.Value) != n.Value)
            {
                problems.Add($"{name}: a whole number ≥ 1");
            }
        }
        if (YellowEscalates.Value is not (0m or 1m))
        {
            problems.Add("yellowEscalates: 0 or 1");
        }
        if (SeriousExceedance.Value <= 0m)
        {
            problems.Add("seriousExceedance: a share > 0");
        }
        if (CreditGrades.Count < 2 || CreditGrades.Distinct(StringComparer.Ordinal).Count() != CreditGrades.Count)
        {
            problems.Add("creditGrades: at least two distinct grades, best first");
        }
        return problems;
    }
}
