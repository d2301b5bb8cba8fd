namespace OpenEts.Application.Inclusion;

/// <summary>
/// The partners' quality dashboard over a span of Beijing days (<see cref="QualityCount"/> rows as kept): events accepted
/// and rejected by partner, by reason and by day, and the rejection rate. What the page, the API and the .xlsx show.
/// </summary>
public sealed record QualityDashboard(string? Programme, DateOnly From, DateOnly To, IReadOnlyList<QualityCount> Rows,
    IReadOnlyDictionary<long, string> PartnerNames)
{
    /// <summary>The longest span one dashboard covers (a year and a day).</summary>
    public const int MaxDays = 366;

    /// <summary>Every day of the span, in order.</summary>
    public IReadOnlyList<DateOnly> Days => [.. Enumerable.Range(0, To.DayNumber - From.DayNumber + 1).Select(From.AddDays)];

    /// <summary>The rejection reasons that occur, the most frequent first.</summary>
    public IReadOnlyList<string> Reasons => [.. Rows.Where(r => !r.IsAccepted).GroupBy(r => r.Outcome)
        .OrderByDescending(g => g.Sum(r => r.Events)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key)];

    /// <summary>Events accepted in all.</summary>
    public long Accepted => Rows.Where(r => r.IsAccepted).Sum(r => r.Events);

    /// <summary>Events accepted on a day of a period already aggregated: counted for coins, left out of PHCER.</summary>
    public long AcceptedOutsidePhcer => EventsOf(QualityCount.AcceptedOutsidePhcer);

    /// <summary>Events accepted whose coins a cap cut (their reduction counted in full).</summary>
    public long AcceptedCoinsCut => EventsOf(QualityCount.AcceptedCoinsCut);

    /// <summary>Events rejected in all.</summary>
    public long Rejected => Rows.Where(r => !r.IsAccepted).Sum(r => r.Events);

    /// <summary>Rejected ÷ received, in percent to 2 dp (0 when nothing was received).</summary>
    public static decimal RatePercent(long accepted, long rejected) =>
        accepted + rejected == 0 ? 0m : decimal.Round(100m * rejected / (accepted + rejected), 2, MidpointRounding.AwayFromZero);

    /// <summary>The partners that sent something, by id, each with its events accepted and rejected by reason.</summary>
    public IReadOnlyList<PartnerQuality> ByPartner => [.. Rows.GroupBy(r => (r.Partner, r.Programme)).OrderBy(g => g.Key.Partner).ThenBy(g => g.Key.Programme, StringComparer.Ordinal)
        .Select(g => new PartnerQuality(g.Key.Partner, NameOf(g.Key.Partner), g.Key.Programme, g.Where(r => r.IsAccepted).Sum(r => r.Events),
            g.Where(r => !r.IsAccepted).GroupBy(r => r.Outcome).ToDictionary(x => x.Key, x => x.Sum(r => r.Events), StringComparer.Ordinal)))];

    /// <summary>Events rejected for <paramref name="reason"/> on each day of the span (the chart's series).</summary>
    public IReadOnlyList<long> RejectedByDay(string reason)
    {
        var byDay = Rows.Where(r => string.Equals(r.Outcome, reason, StringComparison.Ordinal)).GroupBy(r => r.Day).ToDictionary(g => g.Key, g => g.Sum(r => r.Events));
        return [.. Days.Select(d => byDay.GetValueOrDefault(d))];
    }

    /// <summary>Events accepted on each day of the span.</summary>
    public IReadOnlyList<long> AcceptedByDay()
    {
        var byDay = Rows.Where(r => r.IsAccepted).GroupBy(r => r.Day).ToDictionary(g => g.Key, g => g.Sum(r => r.Events));
        return [.. Days.Select(d => byDay.GetValueOrDefault(d))];
    }

    // The events of one outcome over the span.
    private long EventsOf(string outcome) => Rows.Where(r => string.Equals(r.Outcome, outcome, StringComparison.Ordinal)).Sum(r => r.Events);

    /// <summary>A partner's name, or empty for <see cref="QualityCount.Direct"/>.</summary>
    public string NameOf(long partner) => partner == QualityCount.Direct ? "" : PartnerNames.GetValueOrDefault(partner) ?? $"partner-{partner}";
}
