using System.Globalization;
using OpenEts.Cli.Tests.Registry;

namespace OpenEts.Cli.Tests;

/// <summary>What every <c>ets</c> command shares: the global <c>--utc</c>, and parse errors a user can read.</summary>
public sealed class EtsCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await EtsCommand.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Utc_BeforeOrAfterTheCommand_PrintsTimesInUtcInsteadOfBeijingTime()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var beijing = await db.RunAsync("history", "GD-HOLD-POWER", "--format", "csv");
        var after = await db.RunAsync("history", "GD-HOLD-POWER", "--format", "csv", "--utc");
        var before = await db.RunEtsAsync("--utc", "registry", "history", "GD-HOLD-POWER", "--format", "csv");

        Assert.True(beijing.Exit == 0, beijing.Err);
        var first = beijing.Out.Split('\n')[1].Split(',')[1];
        Assert.EndsWith(" +08:00", first, StringComparison.Ordinal);
        var at = DateTimeOffset.ParseExact(first, "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
        var utc = at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " +00:00";
        foreach (var run in new[] { after, before })
        {
            Assert.True(run.Exit == 0, run.Err);
            Assert.Equal(utc, run.Out.Split('\n')[1].Split(',')[1]);
            Assert.DoesNotContain("+08:00", run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Utc_TheSameTransferProposal_ExpiresAtTheSameMomentInEitherZone()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var beijing = await db.RunAsync("transfer", "propose", "GD-HOLD-POWER", "GD-HOLD-CEMENT", "GDEA-2017", "10", "--as", "power-a", "--key", "t1");
        var utc = await db.RunAsync("transfer", "propose", "GD-HOLD-POWER", "GD-HOLD-CEMENT", "GDEA-2017", "10", "--as", "power-a", "--key", "t1", "--utc");

        Assert.True(beijing.Exit == 0, beijing.Err);
        Assert.True(utc.Exit == 0, utc.Err);
        // A proposal lasts to the end of a UTC day: midnight UTC, 08:00 in Beijing.
        Assert.Matches(@"until \d{4}-\d{2}-\d{2} 08:00:00 \+08:00", beijing.Out);
        Assert.Matches(@"until \d{4}-\d{2}-\d{2} 00:00:00 \+00:00", utc.Out);
    }

    [Fact]
    public async Task Help_TheOverviewAndEachCommand_ListTheUtcOption()
    {
        var overview = await RunAsync("--help");
        var command = await RunAsync("registry", "history", "--help");

        Assert.Equal(0, overview.Exit);
        Assert.Contains("  --utc  print times in UTC (+00:00); without it they are in Beijing time (+08:00)", overview.Out, StringComparison.Ordinal);
        Assert.Equal(0, command.Exit);
        Assert.Matches(@"\n  --utc +print times in UTC \(\+00:00\) instead of Beijing time \(\+08:00\)", command.Out.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("compliance status --year abc", "ets compliance status: --year: 'abc' is not a whole number")]
    [InlineData("exchange auction bid --auction 1 --price abc --quantity 400 --as cement-a", "ets exchange auction bid: --price: 'abc' is not a number")]
    [InlineData("auction bid x GD-HOLD-POWER 10 16 --as power-a", "ets auction bid: ID: 'x' is not a whole number")]
    [InlineData("cash deposit 91440101MA5CY10016 abc --reference x --as regulator", "ets cash deposit: AMOUNT: 'abc' is not a number")]
    public async Task ParseError_AValueThatIsNoNumber_NamesTheOptionAndTheTextNotADotNetType(string line, string expected)
    {
        var (exit, output, error) = await RunAsync(line.Split(' '));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith(expected + "\nusage: ", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_AFileThatIsNoDatabase_IsOneLineAndExitTwo_NotAStackTrace()
    {
        var folder = Directory.CreateTempSubdirectory("ets-db-").FullName;
        try
        {
            var notes = Path.Combine(folder, "notes.txt");
            await File.WriteAllTextAsync(notes, "hello, this is not SQLite\n", TestContext.Current.CancellationToken);

            var registry = await RunAsync("registry", "accounts", "--db", notes);
            var allocate = await RunAsync("allocate", "--plan", "guangdong-2017", "--year", "2017", "--db", notes);

            foreach (var (exit, output, error) in new[] { registry, allocate })
            {
                Assert.Equal(2, exit);
                Assert.Equal("", output);
                Assert.StartsWith("error: database: ", error, StringComparison.Ordinal);
                Assert.EndsWith("(check --db, or OPENETS_DB)\n", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
                Assert.Single(error.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Db_AConnectionStringThatDoesNotRead_IsAUsageErrorNamingDb()
    {
        var (exit, output, error) = await RunAsync("registry", "accounts", "--db", "Host=127.0.0.1;Bogus=1");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("ets registry accounts: --db: not a PostgreSQL connection string: ", error, StringComparison.Ordinal);
        Assert.Contains("\nusage: ets registry accounts [--db DB]", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
