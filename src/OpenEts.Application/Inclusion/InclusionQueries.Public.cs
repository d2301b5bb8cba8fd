namespace OpenEts.Application.Inclusion;

// Public statistics: anyone may see a programme's totals (sums over all its citizens, never one citizen's figures), read
// from the sums kept as batches, redemptions and erasures are written (migration 0043), so nothing grows with the citizens.
public sealed partial class InclusionQueries
{
    /// <summary>The public totals of programme <paramref name="code"/> over the last months, or null for an unknown programme.</summary>
    public Task<PublicTotals?> PublicTotalsAsync(string? code, CancellationToken ct)
    {
        var today = InclusionTime.DayOf(clock.GetUtcNow());
        if (Shown(code, today) is not { } programme)
        {
            return Task.FromResult<PublicTotals?>(null);
        }
        var months = PublicTotals.MonthsTo(today);
        var from = DateOnly.ParseExact(months[0] + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return store.ReadAsync<PublicTotals?>(async s =>
        {
            var daily = await s.Inclusion.ProgrammeDailyAsync(programme.Code, from, today).ConfigureAwait(false);
            var redeemed = await s.Inclusion.ProgrammeRedemptionsAsync(programme.Code, from).ConfigureAwait(false);
            var (citizens, credited, spent, expired, reduction) = await s.Inclusion.ProgrammeWalletTotalsAsync(programme.Code).ConfigureAwait(false);
            // The citizens behind each month's cells, kept as batches and redemptions are written (small rows, not a scan).
            var kept = await s.Inclusion.ProgrammeMonthsAsync(programme.Code, from, from.AddMonths(months.Count - 1)).ConfigureAwait(false);
            var cells = Enumerable.Range(0, months.Count).Select(i => from.AddMonths(i)).Select(month =>
            {
                var mine = kept.Where(c => c.Month == month).ToList();
                return new CellCitizens(mine.Where(c => c.Kind == MonthCellKind.Behaviour).ToDictionary(c => c.Behaviour, c => c.Citizens),
                    mine.FirstOrDefault(c => c.Kind == MonthCellKind.Earners)?.Citizens ?? 0,
                    mine.FirstOrDefault(c => c.Kind == MonthCellKind.Redeemers)?.Citizens ?? 0);
            }).ToList();
            var totals = new PublicTotals(programme, months, PublicTotals.ByBehaviourAndMonth(daily, months),
                PublicTotals.ByMonth(daily.Select(d => (d.Day, d.Coins)), months),
                PublicTotals.ByMonth(redeemed.Select(r => (InclusionTime.DayOf(r.At), r.Coins)), months),
                citizens, credited, spent, expired, reduction, await s.Inclusion.AggregationsAsync(programme.Code).ConfigureAwait(false))
            {
                Donations = await s.Inclusion.CauseTotalsAsync(programme.Code).ConfigureAwait(false),
            };
            return totals.Suppress(programme.PublicMinimum, cells);
        }, ct);
    }
}
