using System.Globalization;
using OpenEts.Cli.Tests.Registry;

namespace OpenEts.Cli.Tests.Inclusion;

public sealed class InclusionCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(RegistryDatabase db, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EtsCommand.RunAsync(["inclusion", .. args, "--db", db.Database], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Ingest_SameFileTwice_CountsEachRowOnceAndListsTheRefusedRowWithItsRule()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-2).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var later = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var file = Path.Combine(Path.GetTempPath(), $"inclusion-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, $"""
            eventId,source,user,behaviour,occurredAt,quantity,minutes,ownAverage
            t1,sz-metro,citizen,metro,{at},10,20,
            t2,sz-bus,citizen,bus,{later},12.5,30,
            t3,sz-bus,citizen,bus,{at},500,30,
            """, TestContext.Current.CancellationToken);
        try
        {
            var first = await RunAsync(db, "ingest", file, "--programme", "shenzhen-tanpuhui", "--as", "regulator");
            var again = await RunAsync(db, "ingest", file, "--programme", "shenzhen-tanpuhui", "--as", "regulator");

            Assert.True(first.Exit == 0, first.Err);
            // 46.7 × 10 = 467 g (4 coins) and 26.9 × 12.5 = 336.25 g (3 coins); row 4 is an impossible distance.
            Assert.Contains("done: 2 counted (803.25 g CO2, 7 coins), 0 already counted, 1 refused", first.Out, StringComparison.Ordinal);
            Assert.Contains("row 4: refused:", first.Out, StringComparison.Ordinal);
            Assert.Contains("(rule ImpossibleQuantity)", first.Out, StringComparison.Ordinal);
            Assert.Contains("done: 0 counted (0 g CO2, 0 coins), 2 already counted, 1 refused", again.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Ingest_ACellThatIsNoNumberOrATimeWithoutItsOffset_StopsOrRefusesNamingIt_AndRecordsNothingOfIt()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-2).ToOffset(TimeSpan.FromHours(8));
        var withOffset = at.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var file = Path.Combine(Path.GetTempPath(), $"inclusion-{Guid.NewGuid():N}.csv");
        // 140 km in "5 min" would be an impossible speed; read as no duration it would pass the check.
        await File.WriteAllTextAsync(file, $"""
            eventId,source,user,behaviour,occurredAt,quantity,minutes,ownAverage
            d1,sz-bus,citizen,bus,{withOffset},14,5 min,
            """, TestContext.Current.CancellationToken);
        var local = Path.Combine(Path.GetTempPath(), $"inclusion-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(local, $"""
            eventId,source,user,behaviour,occurredAt,quantity,minutes,ownAverage
            d2,sz-bus,citizen,bus,{at.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)},3,10,
            """, TestContext.Current.CancellationToken);
        try
        {
            var stopped = await RunAsync(db, "ingest", file, "--programme", "shenzhen-tanpuhui", "--as", "regulator");
            var noOffset = await RunAsync(db, "ingest", local, "--programme", "shenzhen-tanpuhui", "--as", "regulator");

            Assert.Equal(2, stopped.Exit);
            Assert.Contains("row 2, minutes: '5 min' is not a number", stopped.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("counted", stopped.Out, StringComparison.Ordinal);
            Assert.Contains("done: 0 counted (0 g CO2, 0 coins), 0 already counted, 1 refused", noOffset.Out, StringComparison.Ordinal);
            Assert.Contains("row 2: refused: occurredAt is a time with its offset", noOffset.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
            File.Delete(local);
        }
    }

    [Fact]
    public async Task ExportThenErase_AsTheRegulator_WritesTheCitizensActionsThenErasesThem()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-2).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var file = Path.Combine(Path.GetTempPath(), $"inclusion-{Guid.NewGuid():N}.csv");
        var json = Path.ChangeExtension(file, ".json");
        var xlsx = Path.ChangeExtension(file, ".xlsx");
        await File.WriteAllTextAsync(file, $"""
            eventId,source,user,behaviour,occurredAt,quantity,minutes,ownAverage
            p1,sz-bus,citizen,bus,{at},12.5,30,
            """, TestContext.Current.CancellationToken);
        try
        {
            Assert.Equal(0, (await RunAsync(db, "ingest", file, "--programme", "shenzhen-tanpuhui", "--as", "regulator")).Exit);

            var byCompany = await RunAsync(db, "export", "citizen", "--as", "power-a", "--out", json);
            var exported = await RunAsync(db, "export", "citizen", "--as", "regulator", "--out", json);
            var sheet = await RunAsync(db, "export", "citizen", "--as", "regulator", "--out", xlsx);
            var mismatch = await RunAsync(db, "erase", "citizen", "--as", "regulator", "--confirm", "citizen2");
            var erased = await RunAsync(db, "erase", "citizen", "--as", "regulator", "--confirm", "citizen");

            Assert.Equal(1, byCompany.Exit);
            Assert.True(exported.Exit == 0, exported.Err);
            Assert.Contains("done: citizen: 1 action, 1 programme, ", exported.Out, StringComparison.Ordinal);
            Assert.Contains("\"eventId\":\"p1\"", await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.Equal(0, sheet.Exit);
            Assert.True(new FileInfo(xlsx).Length > 0);
            Assert.Equal(1, mismatch.Exit);
            Assert.Contains("(rule ConfirmMismatch)", mismatch.Err, StringComparison.Ordinal);
            // 26.9 g × 12.5 km = 336.25 g → 3 coins, all still held: forfeited.
            Assert.Contains("done: citizen erased: 1 action deleted, 3 coins forfeited", erased.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
            File.Delete(json);
            File.Delete(xlsx);
        }
    }
}
