using System.Globalization;
using OpenEts.Cli.Tests.Registry;

namespace OpenEts.Cli.Tests.Monitoring;

public sealed class MetersCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(RegistryDatabase db, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EtsCommand.RunAsync(["meters", .. args, "--db", db.Database], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    // The demo's first day of readings (seven Beijing days ago): the cement meter BJ-E01 has nothing there before 08:00.
    private static string FirstDayHour(int h)
    {
        var beijing = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        return new DateTimeOffset(beijing.Date.AddDays(-7), TimeSpan.FromHours(8)).AddHours(h).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
    }

    private static async Task<string> FileAsync(string text)
    {
        var file = Path.Combine(Path.GetTempPath(), $"meters-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, text, TestContext.Current.CancellationToken);
        return file;
    }

    [Fact]
    public async Task Ingest_SameFileTwice_TakesEachReadingOnceAndSaysNothingChanged()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var file = await FileAsync($"""
            readingId,meter,at,value
            c0,BJ-E01,{FirstDayHour(0)},8600
            c1,BJ-E01,{FirstDayHour(1)},8650.5
            c2,BJ-E01,{FirstDayHour(2)},"8700"
            """);
        try
        {
            var first = await RunAsync(db, "ingest", file, "--as", "cement-a", "--batch", "2");
            var again = await RunAsync(db, "ingest", file, "--as", "cement-a", "--batch", "2");

            Assert.True(first.Exit == 0, first.Err);
            Assert.Contains("done: 3 readings", first.Out, StringComparison.Ordinal);
            Assert.Contains(": 3 new, 0 already held, 0 in batches received before", first.Out, StringComparison.Ordinal);
            Assert.Contains(": 0 new, 0 already held, 3 in batches received before (nothing changed)", again.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Ingest_BadRowOrForeignMeter_NamesTheRowAndRule()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var bad = await FileAsync($"""
            readingId,meter,at,value
            b3,BJ-E01,{FirstDayHour(3)},10
            b4,BJ-E01,{FirstDayHour(4)},-5
            """);
        var foreign = await FileAsync($"""
            readingId,meter,at,value
            f5,BJ-E01,{FirstDayHour(5)},10
            """);
        try
        {
            var badRun = await RunAsync(db, "ingest", bad, "--as", "cement-a");
            var foreignRun = await RunAsync(db, "ingest", foreign, "--as", "steel-a");

            Assert.Equal(2, badRun.Exit);
            Assert.Contains("row 3: readings[1].value", badRun.Err, StringComparison.Ordinal);
            Assert.Equal(1, foreignRun.Exit);
            Assert.Contains("(rule NotYourMeter)", foreignRun.Err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
            File.Delete(foreign);
        }
    }
    // Writes the file, ingests it as the user, and deletes it.
    private static async Task<(int Exit, string Out, string Err)> IngestAsync(RegistryDatabase db, string text, string user)
    {
        var file = await FileAsync(text);
        try
        {
            return await RunAsync(db, "ingest", file, "--as", user);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Ingest_CsvWithoutAColumn_NamesItAndExitsWithUsage()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var run = await IngestAsync(db, $"id,meter,at,value\nh1,BJ-E01,{FirstDayHour(1)},10\n", "cement-a");

        Assert.Equal(2, run.Exit);
        Assert.Contains("the header has no column readingId", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Err, StringComparison.Ordinal);
    }

    // A value cell of text was read as no value and refused as missing (rule Required), under two row numbers.
    [Fact]
    public async Task Ingest_TextInAValueCell_NamesTheCellAsTypedAndTakesNothing()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var header = "readingId,meter,at,value\n";

        var run = await IngestAsync(db, header + $"t1,BJ-E01,{FirstDayHour(1)},10\nt2,BJ-E01,{FirstDayHour(2)},abc\nt3,BJ-E01,{FirstDayHour(3)},\n", "cement-a");
        var after = await IngestAsync(db, header + $"t1,BJ-E01,{FirstDayHour(1)},10\n", "cement-a");

        Assert.Equal(2, run.Exit);
        Assert.Contains("row 3: value: 'abc' is not a number (rule Number)", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("row 3: readings[1].value", run.Err, StringComparison.Ordinal);
        Assert.Contains("row 4: readings[2].value", run.Err, StringComparison.Ordinal);
        Assert.True(after.Exit == 0, after.Err);
        Assert.Contains(": 1 new, 0 already held", after.Out, StringComparison.Ordinal);
    }
}
