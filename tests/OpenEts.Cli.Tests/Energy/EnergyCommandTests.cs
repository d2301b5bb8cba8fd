using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Cli.Tests.Registry;
using OpenEts.Storage;

namespace OpenEts.Cli.Tests.Energy;

/// <summary>
/// <c>ets energy assess</c>, <c>ets energy warnings</c> and <c>ets calc apu</c> on the demo (DemoEnergyTargets seeded
/// beside the demo market): the commands print what the pages show and exit 0, 1 (nothing to show, or a flagged
/// claim) or 2 (usage).
/// </summary>
public sealed class EnergyCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<RegistryDatabase> EnergyDatabaseAsync()
    {
        var db = await RegistryDatabase.SqliteAsync();
        await using var store = await SqlStore.OpenAsync(db.Database, Ct);
        var clock = TimeProvider.System;
        Assert.True(await new DemoEnergyTargets(store, new EnergyTargetsCommandHandler(store, clock), new MonitoringCommandHandler(store, clock))
            .SeedIfEmptyAsync(Ct));
        return db;
    }

    private static string[] Line(string output, string startsWith) =>
        output.Split('\n').Single(l => l.StartsWith(startsWith, StringComparison.Ordinal)).TrimEnd('\r').Split('\t');

    [Fact]
    public async Task Help_Energy_SaysBarometerInEnglishBeside晴雨表()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await EtsCommand.RunAsync(["energy", "--help"], stdout, stderr);

        Assert.Equal(0, exit);
        Assert.Contains("assessments and the barometer (晴雨表)", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("The barometer (晴雨表) of a round:", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_TheDemoRegion_PrintsEachScoredCityWithItsGrade()
    {
        using var db = await EnergyDatabaseAsync();

        var (exit, output, error) = await db.RunEtsAsync("energy", "assess", "--region", "NX", "--year", "2025");
        var none = await db.RunEtsAsync("energy", "assess", "--region", "NX", "--year", "2019");
        var bad = await db.RunEtsAsync("energy", "assess", "--region", "n x!", "--year", "2025");

        Assert.True(exit == 0, error);
        Assert.Equal(DemoEnergyTargets.Cities.Count - 1, output.Split('\n').Count(l => l.StartsWith("NX-", StringComparison.Ordinal)));
        Assert.DoesNotContain(DemoEnergyTargets.UnscoredCity + "\t", output, StringComparison.Ordinal);
        Assert.Equal(1, none.Exit);
        Assert.Equal(2, bad.Exit);
    }

    [Fact]
    public async Task Warnings_AHalfYear_PrintsTheCitiesLevelsAndThePollutantTotals()
    {
        using var db = await EnergyDatabaseAsync();

        var (exit, output, error) = await db.RunEtsAsync("energy", "warnings", "--period", "2025-H1");
        var bad = await db.RunEtsAsync("energy", "warnings", "--period", "2025-Q5");

        Assert.True(exit == 0, error);
        Assert.Equal("Red", Line(output, "NX-GY\t")[2]);
        Assert.Equal("Yellow", Line(output, "NX-SZS\t")[2]);
        Assert.Contains("[UNCONFIRMED]", output, StringComparison.Ordinal);
        // The power plant's NOx meter, January–June 2025 (181 days): 25 weeks of 13 860 kg and 90…105 % of 2 000 kg on the
        // last six days, 358 200 kg, against the province's H1 path of 225 000 × 6 ÷ 12 = 112 500 t.
        var nox = output.Split('\n').Single(l => l.StartsWith("NX\t", StringComparison.Ordinal) && l.Contains("\t氮氧化物\t", StringComparison.Ordinal)).TrimEnd('\r').Split('\t');
        Assert.Equal(("112500", "358.2", "Green"), (nox[5], nox[6], nox[8]));
        Assert.DoesNotContain("KU-NX-", output, StringComparison.Ordinal);
        Assert.Equal(2, bad.Exit);
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EtsCommand.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task CalcApu_TheSeedsClaimWithoutGroundPower_IsFlaggedAndWithItsElectricityFollows()
    {
        var flagged = await RunAsync("calc", "apu", "--flights", "770", "--fuel-per-stay", "155", "--fuel-factor", "3.18",
            "--fuel-factor-source", "the seed", "--claimed", "70000");
        var follows = await RunAsync("calc", "apu", "--flights", "770", "--fuel-per-stay", "155", "--fuel-factor", "3.18",
            "--fuel-factor-source", "the seed", "--electricity-per-stay", "460", "--claimed", "70000");

        Assert.Equal(1, flagged.Exit);
        Assert.Contains("FLAGGED", flagged.Out, StringComparison.Ordinal);
        Assert.Contains("138,529.545", flagged.Out, StringComparison.Ordinal);
        Assert.True(follows.Exit == 0, follows.Out + follows.Err);
        Assert.Contains("the claim follows from its inputs", follows.Out, StringComparison.Ordinal);
    }
    // A number an option could not read was named by the type it was to be: "Cannot parse argument 'abc' for option
    // '--hours' as expected type 'System.Nullable`1[System.Decimal]'".
    [Theory]
    [InlineData("--hours", "abc", "--hours: 'abc' is not a number")]
    [InlineData("--grid-year", "2023.5", "--grid-year: '2023.5' is not a whole number")]
    public async Task CalcPv_AnOptionThatIsNoNumber_IsNamedAsTyped(string option, string value, string message)
    {
        string[] args = ["calc", "pv", "--capacity", "100", "--hours", "1000"];
        var at = Array.IndexOf(args, option);
        args = at >= 0 ? [.. args[..(at + 1)], value, .. args[(at + 2)..]] : [.. args, option, value];

        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }
}
