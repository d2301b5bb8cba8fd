using System.Globalization;
using System.Text.Json;
using OpenEts.Cli.Tests.Registry;

namespace OpenEts.Cli.Tests.Inclusion;

public sealed class InclusionQualityCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(RegistryDatabase db, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EtsCommand.RunAsync(["inclusion", .. args, "--db", db.Database], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Quality_AfterAFileWithARefusedRow_ShowsTheRejectionAsTableJsonAndXlsx()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-2).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var later = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var file = Path.Combine(Path.GetTempPath(), $"inclusion-{Guid.NewGuid():N}.csv");
        var xlsx = Path.ChangeExtension(file, ".xlsx");
        await File.WriteAllTextAsync(file, $"""
            eventId,source,user,behaviour,occurredAt,quantity,minutes,ownAverage
            q1,sz-metro,citizen,metro,{at},10,20,
            q2,sz-bus,citizen,bus,{at},5,15,
            q3,sz-bus,citizen,bus,{later},500,30,
            """, TestContext.Current.CancellationToken);
        try
        {
            Assert.Equal(0, (await RunAsync(db, "ingest", file, "--programme", "shenzhen-tanpuhui", "--as", "regulator")).Exit);
            var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            var table = await RunAsync(db, "quality", "--as", "regulator", "--programme", "shenzhen-tanpuhui");
            var json = await RunAsync(db, "quality", "--as", "auditor", "--from", today, "--to", today, "--json");
            var sheet = await RunAsync(db, "quality", "--as", "regulator", "--xlsx", xlsx);
            var citizen = await RunAsync(db, "quality", "--as", "citizen");
            var notOperator = await RunAsync(db, "quality", "--as", "power-a", "--programme", "shenzhen-tanpuhui");
            var badDay = await RunAsync(db, "quality", "--as", "regulator", "--from", "2026-13-01", "--to", today);

            Assert.True(table.Exit == 0, table.Err);
            Assert.True(table.Out.Contains("1 accepted, 2 rejected (66.67 %)", StringComparison.Ordinal), table.Out);
            Assert.Contains($"{today} 0 (recorded directly)", table.Out, StringComparison.Ordinal);
            Assert.Contains("OverlappingTrip", table.Out, StringComparison.Ordinal);
            Assert.Contains("ImpossibleQuantity", table.Out, StringComparison.Ordinal);
            Assert.True(json.Exit == 0, json.Err);
            using (var parsed = JsonDocument.Parse(json.Out))
            {
                Assert.Equal((1L, 2L), (parsed.RootElement.GetProperty("accepted").GetInt64(), parsed.RootElement.GetProperty("rejected").GetInt64()));
                var direct = Assert.Single(parsed.RootElement.GetProperty("partners").EnumerateArray());
                Assert.Equal(1L, direct.GetProperty("rejectedBy").GetProperty("OverlappingTrip").GetInt64());
            }
            Assert.True(sheet.Exit == 0, sheet.Err);
            Assert.True(new FileInfo(xlsx).Length > 0);
            Assert.Equal(1, citizen.Exit);
            Assert.Contains("rule Role", citizen.Err, StringComparison.Ordinal);
            // A company representative reads only the programmes its organisation operates: not a role it lacks.
            Assert.Equal(1, notOperator.Exit);
            Assert.Contains("shenzhen-tanpuhui is operated by another organisation", notOperator.Err, StringComparison.Ordinal);
            Assert.Contains("rule NotOwner", notOperator.Err, StringComparison.Ordinal);
            Assert.Equal(2, badDay.Exit);
        }
        finally
        {
            File.Delete(file);
            File.Delete(xlsx);
        }
    }

    [Fact]
    public async Task Quality_FromWithoutTo_IsAUsageErrorAskingForBoth()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var fromOnly = await RunAsync(db, "quality", "--as", "regulator", "--from", "2026-12-01");
        var toOnly = await RunAsync(db, "quality", "--as", "regulator", "--to", "2026-12-01");

        Assert.Equal(2, fromOnly.Exit);
        Assert.StartsWith("ets inclusion quality: --to: give --from and --to together (without both, the last 30 days)\nusage: ",
            fromOnly.Err.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(2, toOnly.Exit);
        Assert.StartsWith("ets inclusion quality: --from: give --from and --to together", toOnly.Err, StringComparison.Ordinal);
    }
}
