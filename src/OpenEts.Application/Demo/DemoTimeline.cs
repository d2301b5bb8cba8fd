namespace OpenEts.Application.Demo;

/// <summary>
/// The demo's present-day dates, read from the moment it is first seeded (<see cref="Now"/>), so that every history it
/// shows runs forward: the market's members join and the registry opens at <see cref="Start"/> (accounts opened,
/// allowances issued and allocated, the demo registry's offsets issued), the offset register issues or links the credits
/// verified in their own years a day later (<see cref="OffsetsIssued"/>), the exchange opens with the companies' deposits
/// on the day before the first seeded trade (<see cref="ExchangeOpens"/>), the FFCER and GDEA-2017 trades fill the five days before
/// <see cref="Now"/>, and the auction opens at <see cref="Now"/>. The MRV reports and the offset projects' earlier steps
/// keep the dates of the years they belong to (2009–2018). Nothing is dated after <see cref="Now"/>.
/// </summary>
/// <param name="Now">When the demo is seeded.</param>
public sealed record DemoTimeline(DateTimeOffset Now)
{
    /// <summary>Days from the demo's start to its exchange's opening (a demo choice).</summary>
    public const int DaysBeforeExchange = 2;

    /// <summary>When the exchange opens: 09:00 Beijing time on the day before the first seeded trade (<see cref="DemoForestryTrades.ListedAt"/>).</summary>
    public DateTimeOffset ExchangeOpens => DemoForestryTrades.ListedAt(Now);

    /// <summary>When the demo market starts (09:00 Beijing time): its members join and its registry opens, before anything is issued or traded.</summary>
    public DateTimeOffset Start => ExchangeOpens.AddDays(-DaysBeforeExchange);

    /// <summary>When the offset register issues (or links to the registry's issuance) the demo's verified credits: the day after the start, 09:00.</summary>
    public DateTimeOffset OffsetsIssued => Start.AddDays(1);
}
