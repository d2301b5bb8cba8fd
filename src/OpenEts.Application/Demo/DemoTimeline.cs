namespace OpenEts.Application.Demo;

/// <summary>
/// The demo's dates, so that its journal runs forward from its first entry to its last. The market's members join and the
/// registry opens their accounts at <see cref="MembersJoin"/>, before anything of the demo's history: the offset projects'
/// steps from 2009 and the 2016–2017 emission reports keep the dates of the years they belong to (run together by date,
/// <see cref="DemoStep"/>). The rest is read from the moment the demo is first seeded (<see cref="Now"/>): the registry
/// issues and allocates at <see cref="Start"/>, the offset register issues or links the credits verified in their own
/// years a day later (<see cref="OffsetsIssued"/>), the exchange opens with the companies' deposits on the day before the
/// first seeded trade (<see cref="ExchangeOpens"/>), the FFCER and GDEA-2017 trades fill the five days before
/// <see cref="Now"/>, and the meters, citizens, cards and the auction are dated <see cref="Now"/>. Nothing is dated after it.
/// </summary>
/// <param name="Now">When the demo is seeded.</param>
public sealed record DemoTimeline(DateTimeOffset Now)
{
    /// <summary>Days from the demo's start to its exchange's opening (a demo choice).</summary>
    public const int DaysBeforeExchange = 2;

    /// <summary>
    /// When the demo's members join and its registry opens their accounts: 09:00 Beijing time on 5 January of the year of
    /// the first filing in the demo's history (<see cref="DemoOffsets.Projects"/>: 2009), before every dated step of it.
    /// </summary>
    public static DateTimeOffset MembersJoin { get; } =
        new(DemoOffsets.Projects.Min(p => DemoOffsets.FiledAt(p).Year), 1, 5, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>When the exchange opens: 09:00 Beijing time on the day before the first seeded trade (<see cref="DemoForestryTrades.ListedAt"/>).</summary>
    public DateTimeOffset ExchangeOpens => DemoForestryTrades.ListedAt(Now);

    /// <summary>When the demo market starts (09:00 Beijing time): its registry issues and allocates, after the history and before anything is traded.</summary>
    public DateTimeOffset Start => ExchangeOpens.AddDays(-DaysBeforeExchange);

    /// <summary>When the offset register issues (or links to the registry's issuance) the demo's verified credits: the day after the start, 09:00.</summary>
    public DateTimeOffset OffsetsIssued => Start.AddDays(1);
}
