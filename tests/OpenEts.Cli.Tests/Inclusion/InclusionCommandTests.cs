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
        var file = Path.Combine(Path.GetTempPath(), $"inclusion-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, $"""
            eventId,source,user,behaviour,occurredAt,quantity,minutes,ownAverage
            t1,sz-metro,citizen,metro,{at},10,20,
            t2,sz-bus,citizen,bus,{at},12.5,30,
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
}
