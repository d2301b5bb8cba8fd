using OpenEts.Application.Exchange.MarketData;
using OpenEts.Application.Files;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Journal;

namespace OpenEts.Storage.Tests;

// Published market statistics on every database: an .xlsx import stored field for field and journaled, a re-import of a
// market and date replacing the row, the inconsistent rows flagged, and a role that may not import storing nothing.
public abstract partial class StoreContract<TDb>
{
    private static readonly Actor StatisticsRegulator = new(1, "regulator", Role.Regulator, null);

    private static StatisticsSheet StatisticsFile(params object?[][] rows)
    {
        using var xlsx = new MemoryStream();
        TabularWriter.WriteXlsx(xlsx, StatisticsSheet.TemplateHeader, rows);
        xlsx.Position = 0;
        return StatisticsSheet.Read(xlsx, "stats.xlsx");
    }

    [Fact]
    public async Task MarketStatistics_Import_StoresEveryFieldAndJournalsTheImport()
    {
        await using var store = await Db.CreateStoreAsync();
        var service = new MarketStatisticsService(store, new FixedClock(Now));
        var sheet = StatisticsFile(
            ["深圳", "", "2017-07-19", 20_623_286, 65_952, 31.98m, "newsletter 120"],
            ["福建", "FFCER 林业碳汇", "2017-08-15", 261_000, 488.1m, null, "newsletter 120"]);

        var outcome = await service.ImportAsync(StatisticsRegulator, sheet, "stats.xlsx", Ct);
        var table = await service.TableAsync(Ct);
        var journal = await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "market."), 0, 10), Ct);

        Assert.Equal(2, Assert.IsType<StatisticsImportOutcome.Imported>(outcome).Added);
        Assert.Equal(new MarketStatistic("深圳", "", new DateOnly(2017, 7, 19), 20_623_286, 65_952m, 31.98m, "newsletter 120"), table[0].Statistic);
        Assert.Equal(new MarketStatistic("福建", "FFCER 林业碳汇", new DateOnly(2017, 8, 15), 261_000, 488.1m, null, "newsletter 120"), table[1].Statistic);
        Assert.Equal(("regulator", Now), (table[1].ImportedBy, table[1].ImportedAt));
        var entry = Assert.Single(journal);
        Assert.Equal(("market.statistics.imported", MarketStatisticsService.Subject), (entry.Kind, entry.Subject));
        Assert.Contains("488.1", entry.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarketStatistics_ReimportOfAMarketAndDate_ReplacesTheRowAndFlagsAMismatch()
    {
        await using var store = await Db.CreateStoreAsync();
        var service = new MarketStatisticsService(store, new FixedClock(Now));
        await service.ImportAsync(StatisticsRegulator, StatisticsFile(["天津", "", "2017-07-19", 3_579_459, 5_021, 14.03m, "s"]), "a.xlsx", Ct);

        var outcome = await service.ImportAsync(StatisticsRegulator,
            StatisticsFile(["天津", "", "2017-07-19", 3_579_459, 5_021, 20.78m, "s"]), "b.xlsx", Ct);
        var table = await service.TableAsync(Ct);

        var imported = Assert.IsType<StatisticsImportOutcome.Imported>(outcome);
        Assert.Equal((0, 1), (imported.Added, imported.Replaced));
        var row = Assert.Single(table);
        Assert.Equal(20.78m, row.Statistic.AveragePrice);
        Assert.Equal(StatisticRule.AverageMismatch, Assert.Single(row.Issues).Rule);
        Assert.Equal(row.Statistic, Assert.Single(imported.Flagged).Statistic);
    }

    [Fact]
    public async Task MarketStatistics_ImportByACompany_IsForbiddenAndStoresNothing()
    {
        await using var store = await Db.CreateStoreAsync();
        var service = new MarketStatisticsService(store, new FixedClock(Now));

        var outcome = await service.ImportAsync(new Actor(2, "power-a", Role.CompanyRepresentative, 5),
            StatisticsFile(["深圳", "", "2017-07-19", 1, 1, null, ""]), "stats.xlsx", Ct);

        Assert.IsType<StatisticsImportOutcome.Forbidden>(outcome);
        Assert.Empty(await service.TableAsync(Ct));
    }

    [Fact]
    public async Task MarketStatistics_DemoSeed_StoresTheNewsletterTableOnceWithTianjinAndHubeiFlagged()
    {
        await using var store = await Db.CreateStoreAsync();
        var service = new MarketStatisticsService(store, new FixedClock(Now));

        Assert.True(await service.SeedDemoIfEmptyAsync(Ct));
        Assert.False(await service.SeedDemoIfEmptyAsync(Ct));
        var table = await service.TableAsync(Ct);

        Assert.Equal(["深圳", "上海", "北京", "广东", "天津", "湖北", "重庆", "福建"], table.Select(r => r.Statistic.Market));
        Assert.Equal(["天津", "湖北"], table.Where(r => !r.Consistent).Select(r => r.Statistic.Market));
    }
}
