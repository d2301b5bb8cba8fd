using System.Globalization;
using OpenEts.Application.Demo;
using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Registry;
using OpenEts.Cli.Tests.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Storage;

namespace OpenEts.Cli.Tests.Inclusion;

public sealed class InclusionSampleCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sample_VerifierDrawsRecordsFindingsFromAFileAndVerifies_PrintsTheSampleAsCsv()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var at = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMinutes(-5);
        var day = at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var firstDay = at.AddDays(-4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Five days of 400 kWh (the most one day's reading may be): 2 000 kWh in all.
        var readings = db.WriteFile("pv.csv", "eventId,source,user,behaviour,occurredAt,quantity,minutes,ownAverage\n"
            + string.Concat(Enumerable.Range(0, 5).Select(d => $"pv-{d + 1},pv-meter-7,citizen,solar-pv,{at.AddDays(d - 4).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)},400,,\n")));
        Assert.Equal(0, (await db.RunEtsAsync("inclusion", "ingest", readings, "--programme", "guangdong-tanpuhui", "--as", "regulator")).Exit);
        long aggregation;
        await using (var store = await SqlStore.OpenAsync(db.Database, Ct))
        {
            using var registry = new RegistryService(store);
            await new DemoOffsets(store, registry).SeedIfEmptyAsync(Ct);
            var owner = await store.ReadAsync(s => s.Users.FindByNameAsync("cement-a"), Ct);
            Assert.True(AggregatePeriod.TryParse(new("guangdong-tanpuhui", firstDay, day), InclusionProgrammes.Shipped, out var command, out _));
            var outcome = await InclusionCommandHandler.Over(store, registry, TimeProvider.System)
                .AggregateAsync(new Actor(owner!.Id, owner.UserName, owner.Role, owner.OrganisationId), command, Ct);
            aggregation = ((InclusionAggregation)Assert.IsType<InclusionCommandOutcome.Completed>(outcome).Result).Id;
            // A verifier of another organisation than the one that will draw the sample.
            var elsewhere = (await store.ReadAsync(s => s.Users.FindByNameAsync("power-a"), Ct))!.OrganisationId;
            await store.WriteAsync(s => s.Users.InsertAsync(new UserRecord(0, "verifier-b", "另一核查员", Role.Verifier, elsewhere, "-", 0, null), DateTimeOffset.UtcNow), Ct);
        }
        var id = aggregation.ToString(CultureInfo.InvariantCulture);
        var findings = db.WriteFile("findings.csv", "ordinal,finding,reason\n" + string.Concat(Enumerable.Range(1, 5).Select(o => $"{o},confirmed,与上网电量结算单一致\n")));
        var badFindings = db.WriteFile("bad.csv", "1,maybe,\n");

        var drawn = await db.RunEtsAsync("inclusion", "sample", id, "--as", "verifier", "--draw");
        var usage = await db.RunEtsAsync("inclusion", "sample", id, "--as", "verifier", "--findings", badFindings);
        var owners = await db.RunEtsAsync("inclusion", "sample", id, "--as", "cement-a", "--draw");
        var others = await db.RunEtsAsync("inclusion", "sample", id, "--as", "verifier-b");
        var verified = await db.RunEtsAsync("inclusion", "sample", id, "--as", "verifier", "--findings", findings, "--verify", "样本属实");

        Assert.True(drawn.Exit == 0, drawn.Err);
        Assert.Contains("5 of 5 events", drawn.Out, StringComparison.Ordinal);
        Assert.Matches("\n1,solar-pv,pv-meter-7,pv-[1-5],c", drawn.Out);
        // The header names the column "citizen"; no row names the account.
        Assert.DoesNotContain(",citizen,", string.Join('\n', drawn.Out.Split('\n').Skip(2)), StringComparison.Ordinal);
        Assert.Equal(2, usage.Exit);
        Assert.Contains("bad.csv:1:", usage.Err, StringComparison.Ordinal);
        Assert.Equal(1, owners.Exit);
        // Another body's verifier is told whose the sample is, not that none is drawn.
        Assert.Equal(1, others.Exit);
        Assert.Contains("verified by another verifier's organisation (rule SampleOtherVerifier)", others.Err, StringComparison.Ordinal);
        Assert.True(verified.Exit == 0, verified.Err);
        // 5 × 400 kWh × 570.3 g/kWh = 1 140.6 kg, confirmed: verified as filed.
        Assert.Contains("verified 1140.6 kg", verified.Out, StringComparison.Ordinal);
        Assert.Contains(",confirmed,与上网电量结算单一致", verified.Out, StringComparison.Ordinal);
    }
}
