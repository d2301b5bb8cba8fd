using OpenEts.Cli;
using Xunit;

namespace OpenEts.Cli.Tests.Exchange;

public sealed class ReplayCommandTests : IDisposable
{
    private const string Instrument = "instrument,CEA-2024,60.00,0.01,1,99999,1000,cancel_incoming";
    private readonly string _dir = Directory.CreateTempSubdirectory("ets-replay-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenEts.slnx")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

    private string Write(params string[] rows)
    {
        string path = Path.Combine(_dir, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join('\n', rows) + "\n");
        return path;
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = await EtsCommand.RunAsync(["exchange", "replay", .. args], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task RunAsync_DocumentedExample_PrintsExactlyTheOutputInTheDocs()
    {
        string markdown = await File.ReadAllTextAsync(RepoFile("docs/matching.md"), TestContext.Current.CancellationToken);
        int marker = markdown.IndexOf("<!-- replay-example-output -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, "docs/matching.md lost its output marker");
        int start = markdown.IndexOf("```csv\n", marker, StringComparison.Ordinal) + "```csv\n".Length;
        int end = markdown.IndexOf("```", start, StringComparison.Ordinal);
        string documented = markdown[start..end];

        (int exit, string output, string error) = await Run(RepoFile("docs/examples/replay-example.csv"));

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal(documented, output);
    }

    [Fact]
    public async Task RunAsync_DocumentedExample_PrintsAuctionAndContinuousTrades()
    {
        (_, string output, _) = await Run(RepoFile("docs/examples/replay-example.csv"));
        string[] trades = [.. output.Split('\n').Where(l => l.StartsWith("trade,", StringComparison.Ordinal))];

        Assert.Equal(
            [
                "trade,13,CEA-2024,1,3,auction,60.20,100",
                "trade,13,CEA-2024,1,4,auction,60.20,200",
                "trade,13,CEA-2024,2,4,auction,60.20,100",
                "trade,16,CEA-2024,9,7,buy,60.30,200",
                "trade,16,CEA-2024,9,8,buy,60.40,50",
                "trade,18,CEA-2024,11,8,buy,60.40,50",
                "trade,21,CEA-2024,14,12,buy,60.60,100",
                "trade,22,CEA-2024,15,13,buy,60.70,100",
                "trade,27,CEA-2024,18,16,buy,60.25,60",
                "trade,37,CEA-2024,2,21,sell,60.20,50",
            ],
            trades);
        Assert.Contains("book,CEA-2024,buy,60.20,2,1002,50\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MalformedPrice_Exits2WithRowColumnAndRuleAndStops()
    {
        string path = Write(
            Instrument,
            "new,CEA-2024,1,1001,buy,limit,60.50,300",
            "new,CEA-2024,2,1002,sell,limit,60.505,300",
            "new,CEA-2024,3,1002,sell,limit,60.50,300");

        (int exit, string output, string error) = await Run(path);

        Assert.Equal(2, exit);
        Assert.Contains("row 3, column 7 (price): must be yuan with at most 2 decimals", error, StringComparison.Ordinal);
        Assert.Contains("outcome,2,CEA-2024,new,1,accepted,,0,300,0", output, StringComparison.Ordinal);
        Assert.DoesNotContain("outcome,4", output, StringComparison.Ordinal);
        Assert.DoesNotContain("trade,", output, StringComparison.Ordinal);
        Assert.DoesNotContain("book,", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("buy,CEA-2024,1,1001,buy,limit,60.50,300", "row 2, column 1 (action): unknown action 'buy'")]
    [InlineData("new,CEA-2024,1,1001,buy,limit,60.50", "row 2, column 8 (quantity): 'new' rows have exactly 8 columns, found 7")]
    [InlineData("new,CEA-2025,1,1001,buy,limit,60.50,300", "row 2, column 2 (instrument): unknown instrument")]
    [InlineData("new,CEA-2024,x,1001,buy,limit,60.50,300", "row 2, column 3 (order_id): must be a whole number")]
    [InlineData("new,CEA-2024,1,1001,bid,limit,60.50,300", "row 2, column 5 (side): must be buy or sell")]
    [InlineData("new,CEA-2024,1,1001,buy,gtc,60.50,300", "row 2, column 6 (type): must be limit, market, ioc or fok")]
    [InlineData("new,CEA-2024,1,1001,buy,limit,,300", "row 2, column 7 (price): must be yuan")]
    [InlineData("amend,CEA-2024,1,1001,60,1.5", "row 2, column 6 (quantity): must be a whole number")]
    [InlineData("instrument,CEA-2024,60.00,0.01,1,99999,1000,cancel_incoming", "row 2, column 2 (instrument): instrument already defined")]
    [InlineData("instrument,CCER,30.00,0.01,1,99999,1000,reject", "row 2, column 8 (stp): must be none or cancel_incoming")]
    [InlineData("instrument,CCER,30.00,0,1,99999,1000,none", "row 2, column 4 (tick)")]
    [InlineData("instrument,CCER,5000000000000.00,0.01,1,99999,1000,none", "row 2, column 3 (reference_price): reference price must be positive and at most 4611686018427.38")]
    [InlineData("instrument,CCER,30.00,0.01,1,5000000000000000000,1000,none", "row 2, column 6 (max_quantity): max quantity must be at least one lot and at most 1000000000 t")]
    [InlineData("instrument,CCER,30.00,0.01,1,99999,1000,none,five", "row 2, column 9 (match_levels): must be a whole number")]
    [InlineData("instrument,CCER,30.00,0.01,1,99999,1000,none,-1", "row 2, column 9 (match_levels): match_levels must be 0 (no limit) to 4194304")]
    [InlineData("instrument,CCER,30.00,0.01,1,99999,1000", "row 2, column 8 (stp): 'instrument' rows have 8 or 9 columns, found 7")]
    [InlineData("instrument,CCER,30.00,0.01,1,99999,1000,none,5,x", "row 2, column 10 ((extra)): 'instrument' rows have 8 or 9 columns, found 10")]
    public async Task RunAsync_MalformedRow_Exits2AndNamesColumnAndRule(string row, string expected)
    {
        (int exit, _, string error) = await Run(Write(Instrument, row, "halt,CEA-2024"));

        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    // The national 挂牌协议 rule (docs/matching.md, "Best 5 levels"): with match_levels 5 a buy crossing six ask levels trades
    // the best five at their prices and its remainder that would still cross the sixth is cancelled; without the column
    // the same buy trades all six.
    [Fact]
    public async Task RunAsync_InstrumentWithMatchLevels_StopsAtTheBestFiveLevels()
    {
        string[] asks = [.. Enumerable.Range(1, 6).Select(i => $"new,CEA-2024,{i},2000,sell,limit,60.0{i},10")];
        string limited = Write([Instrument + ",5", .. asks, "new,CEA-2024,7,1001,buy,limit,60.10,70"]);
        string unlimited = Write([Instrument, .. asks, "new,CEA-2024,7,1001,buy,limit,60.10,70"]);

        (int exit, string output, string error) = await Run(limited);
        (int exitUnlimited, string outputUnlimited, _) = await Run(unlimited);

        Assert.Equal((0, ""), (exit, error));
        Assert.Contains("outcome,8,CEA-2024,new,7,accepted,BeyondBestLevels,50,0,20\n", output, StringComparison.Ordinal);
        Assert.Contains("trade,8,CEA-2024,7,5,buy,60.05,10\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("trade,8,CEA-2024,7,6,", output, StringComparison.Ordinal);
        Assert.Equal(0, exitUnlimited);
        Assert.Contains("trade,8,CEA-2024,7,6,buy,60.06,10\n", outputUnlimited, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MarketOrderWithEmptyPrice_UsesBandEdgeProtection()
    {
        string path = Write(Instrument, "new,CEA-2024,1,1001,sell,limit,66.00,10", "new,CEA-2024,2,1002,buy,market,,20");

        (int exit, string output, _) = await Run(path);

        Assert.Equal(0, exit);
        Assert.Contains("trade,3,CEA-2024,2,1,buy,66.00,10\n", output, StringComparison.Ordinal);
        Assert.Contains("outcome,3,CEA-2024,new,2,accepted,UnfilledRemainderCancelled,10,0,10\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_12_MarketOrderWithExplicitZeroPrice_IsRejectedAsBadPrice()
    {
        string path = Write(Instrument, "new,CEA-2024,1,1001,sell,limit,60.00,10", "new,CEA-2024,2,1002,buy,market,0.00,20");

        (int exit, string output, _) = await Run(path);

        Assert.Equal(0, exit);
        Assert.Contains("outcome,3,CEA-2024,new,2,rejected,BadPrice,0,0,0\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("trade,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_12_HugeOrdersAtTheLargestAllowedSize_EachGetOneOutcome()
    {
        string huge = "instrument,BIG,60.00,0.01,1,1000000000,1000,none";
        string path = Write(huge, "new,BIG,1,1,buy,limit,60.00,1000000000", "new,BIG,2,2,buy,limit,60.00,1000000000",
            "new,BIG,3,3,sell,fok,60.00,2000000000", "new,BIG,4,3,sell,fok,60.00,1000000000");

        (int exit, string output, string error) = await Run(path);

        Assert.Equal((0, ""), (exit, error));
        Assert.Contains("outcome,4,BIG,new,3,rejected,TooLarge,0,0,0\n", output, StringComparison.Ordinal);
        Assert.Contains("outcome,5,BIG,new,4,accepted,,1000000000,0,0\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FailOnRejectWithRejectedInput_Exits1()
    {
        string path = Write(Instrument, "new,CEA-2024,1,1001,buy,limit,70.00,10");

        Assert.Equal(0, (await Run(path)).Exit);
        Assert.Equal(1, (await Run(path, "--fail-on-reject")).Exit);
    }

    [Fact]
    public async Task RunAsync_MissingFileOrArguments_Exits2()
    {
        Assert.Equal(2, (await Run()).Exit);
        Assert.Equal(2, (await Run(Path.Combine(_dir, "missing.csv"))).Exit);
        Assert.Equal(2, (await Run(Write(Instrument), "--verbose")).Exit);
    }
}
