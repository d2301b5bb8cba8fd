using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Application.Exchange.MarketData;

/// <summary>
/// Published market statistics (the seed newsletter's table of the pilots): the import by the regulator or the exchange
/// operator, journaled as <c>market.statistics.imported</c> on the subject <see cref="Subject"/>, and the public table
/// with every row checked by <see cref="StatisticsCheck"/>.
/// </summary>
public sealed class MarketStatisticsService(IStore store, TimeProvider clock)
{
    /// <summary>The journal subject of the statistics table.</summary>
    public const string Subject = "market/statistics";

    /// <summary>
    /// Stores a read sheet's rows (a row for a market, product and date already stored is replaced) and journals the
    /// import with the rows. A sheet with errors stores nothing.
    /// </summary>
    public async Task<StatisticsImportOutcome> ImportAsync(Actor actor, StatisticsSheet sheet, string fileName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(sheet);
        if (!MarketDataRoles.ImportStatistics.Contains(actor.Role))
        {
            return new StatisticsImportOutcome.Forbidden(MarketDataRoles.ImportStatistics);
        }
        if (sheet.Errors.Count > 0)
        {
            return new StatisticsImportOutcome.Invalid(sheet.Errors);
        }
        if (sheet.Rows.Count == 0)
        {
            // The template as downloaded, or a file of headers only: nothing to load, nothing journaled.
            return new StatisticsImportOutcome.Imported(0, 0, 0, [], 0);
        }
        var rows = sheet.Rows.Select(r => r.Statistic).ToList();
        var (added, replaced) = await SaveAsync(actor.UserName, rows, Path.GetFileName(fileName), sheet.Sheet, ct).ConfigureAwait(false);
        var table = await TableAsync(ct).ConfigureAwait(false);
        // A stored row is the file's when it has one of the file's keys (market, product, day): the file replaced it or added it.
        var keys = rows.Select(r => (r.Market, r.Product, r.AsOf)).ToHashSet();
        var flagged = table.Where(r => !r.Consistent).ToList();
        return new StatisticsImportOutcome.Imported(rows.Count, added, replaced,
            [.. flagged.Where(r => keys.Contains((r.Statistic.Market, r.Statistic.Product, r.Statistic.AsOf)))], flagged.Count);
    }

    /// <summary>
    /// Seeds the demo's statistics (<see cref="DemoStatistics"/>) when none are stored, journaled like an import by the
    /// system. Returns true when it seeded.
    /// </summary>
    public async Task<bool> SeedDemoIfEmptyAsync(CancellationToken ct)
    {
        if ((await store.ReadAsync(s => s.MarketStatistics.StatisticsAsync(), ct).ConfigureAwait(false)).Count > 0)
        {
            return false;
        }
        await SaveAsync(Actor.System.UserName, DemoStatistics.Rows, "demo", "demo", ct).ConfigureAwait(false);
        return true;
    }

    private Task<(int Added, int Replaced)> SaveAsync(string by, IReadOnlyList<MarketStatistic> rows, string file, string sheet,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync(async s =>
        {
            var saved = await s.MarketStatistics.SaveStatisticsAsync(rows, now, by).ConfigureAwait(false);
            await s.Journal.AppendAsync(now, by, "market.statistics.imported", Subject, Json.Serialize(new
            {
                file,
                sheet,
                added = saved.Added,
                replaced = saved.Replaced,
                rows = rows.Select(r => new
                {
                    market = r.Market, product = r.Product, asOf = r.AsOf, volume = r.VolumeTonnes, turnover10k = r.Turnover10kYuan,
                    average = r.AveragePrice, source = r.Source,
                }),
            })).ConfigureAwait(false);
            return saved;
        }, ct);
    }

    /// <summary>Every stored row, checked together (public), in the order first imported.</summary>
    public async Task<IReadOnlyList<CheckedStatistic>> TableAsync(CancellationToken ct)
    {
        var stored = await store.ReadAsync(s => s.MarketStatistics.StatisticsAsync(), ct).ConfigureAwait(false);
        var issues = StatisticsCheck.Check([.. stored.Select(r => r.Statistic)]).ToLookup(i => i.Index);
        return [.. stored.Select((r, i) => new CheckedStatistic(r.Statistic, [.. issues[i]], r.ImportedAt, r.ImportedBy))];
    }
}
