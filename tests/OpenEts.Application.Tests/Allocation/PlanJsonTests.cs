using System.Text.Json.Nodes;
using OpenEts.Application.Allocation;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Organisations;
using Xunit;

namespace OpenEts.Application.Tests.Allocation;

public sealed class PlanJsonTests
{
    [Theory]
    [InlineData("guangdong-2017")]
    [InlineData("national-power-2019-2020")]
    [InlineData("national-power-2021-2022")]
    [InlineData("national-power-2023-2024")]
    public void TryRead_ShippedPlan_PassesTheSchemaAndThePlanRules(string id)
    {
        var ok = PlanJson.TryRead(PlanJson.Shipped(id), out var plan, out var problems);

        Assert.True(ok, string.Join("; ", problems.Select(p => p.Message)));
        Assert.Equal(id, plan!.Id);
    }

    [Fact]
    public void ShippedPlans_ListTheFourPlans()
    {
        Assert.Equal(["guangdong-2017", "national-power-2019-2020", "national-power-2021-2022", "national-power-2023-2024"], PlanJson.ShippedPlans);
    }

    [Fact]
    public void TryRead_Guangdong2017_CarriesTheCapOfTheReference()
    {
        PlanJson.TryRead(PlanJson.Shipped("guangdong-2017"), out var plan, out _);

        // guangdong.md §1.3: 4.22 亿t total, 3.99 亿t to covered entities, 0.23 亿t reserve.
        Assert.Equal((422_000_000m, 399_000_000m, 23_000_000m), (plan!.Cap!.Total.Value, plan.Cap.Covered.Value, plan.Cap.Reserve.Value));
        Assert.Equal([Sector.Power, Sector.Cement, Sector.Steel, Sector.Petrochemical, Sector.Paper, Sector.Aviation], plan.Coverage.Sectors);
        Assert.Equal(20_000m, plan.Coverage.Threshold.Value);
    }

    [Fact]
    public void Flags_Guangdong2017_FlagEveryBenchmarkAsUnconfirmed()
    {
        var document = PlanJson.Shipped("guangdong-2017");
        PlanJson.TryRead(document, out var plan, out _);

        var flags = PlanFlag.Of(document);

        var benchmarks = plan!.Sectors.SelectMany((s, i) => s.Products.Select((p, j) => (p, Path: $"$.sectors[{i}].products[{j}].benchmark")))
            .Where(x => x.p.Benchmark is not null).Select(x => x.Path).ToList();
        Assert.NotEmpty(benchmarks);
        Assert.All(benchmarks, path => Assert.Contains(flags, f => f.Path == path));
        Assert.DoesNotContain(flags, f => f.Path.StartsWith("$.cap", StringComparison.Ordinal));
    }

    [Fact]
    public void TryRead_NegativeBenchmark_NamesTheJsonPathAndTheRule()
    {
        var node = JsonNode.Parse(PlanJson.Shipped("guangdong-2017"))!;
        node["sectors"]![1]!["products"]![0]!["benchmark"]!["value"] = -0.5m;

        var ok = PlanJson.TryRead(node.ToJsonString(), out _, out var problems);

        Assert.False(ok);
        var problem = Assert.Single(problems);
        Assert.Equal(("$.sectors[1].products[0].benchmark.value", "minimum"), (problem.Field, problem.Rule));
    }

    [Fact]
    public void TryRead_UnknownFieldAndMissingBenchmark_NameEachPathAndRule()
    {
        var node = JsonNode.Parse(PlanJson.Shipped("guangdong-2017"))!;
        node["coverage"]!["thresholds"] = 1;
        node["sectors"]![2]!["products"]![0]!.AsObject().Remove("benchmark");

        PlanJson.TryRead(node.ToJsonString(), out _, out var problems);

        Assert.Contains(problems, p => p.Field == "$.coverage.thresholds" && p.Rule == "additionalProperties");
        Assert.Contains(problems, p => p.Field == "$.sectors[2].products[0]" && p.Rule == "required");
    }

    [Fact]
    public void TryRead_CapThatDoesNotAddUp_IsRefusedByThePlanRule()
    {
        var node = JsonNode.Parse(PlanJson.Shipped("guangdong-2017"))!;
        node["cap"]!["reserve"]!["value"] = 24_000_000;

        PlanJson.TryRead(node.ToJsonString(), out _, out var problems);

        Assert.Equal([("$.cap.total", "CapAddsUp")], problems.Select(p => (p.Field, p.Rule)));
    }

    [Fact]
    public void TryApply_ShortNameAndPath_ReplaceTheValueSourceAndFlag()
    {
        var document = PlanJson.Shipped("guangdong-2017");

        var ok = PlanEdit.TryApply(document, [
            new PlanEdit("benchmark.cement.clinker", 0.85m, "粤发改气候函〔2017〕4509号 附件"),
            new PlanEdit("$.sectors[0].freeShare", 0.9m, "official text")], out var edited, out var errors);

        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        PlanJson.TryRead(edited, out var plan, out _);
        var clinker = plan!.SectorOf(Sector.Cement)!.Products.Single(p => p.Id == "clinker").Benchmark!;
        Assert.Equal((0.85m, "粤发改气候函〔2017〕4509号 附件", false), (clinker.Value, clinker.Source, clinker.Unconfirmed));
        Assert.Equal(0.9m, plan.SectorOf(Sector.Power)!.FreeShare.Value);
        Assert.DoesNotContain(PlanFlag.Of(edited!), f => f.Path == "$.sectors[1].products[0].benchmark");
    }

    [Fact]
    public void TryApply_UnknownName_NamesTheTarget()
    {
        var ok = PlanEdit.TryApply(PlanJson.Shipped("guangdong-2017"), [new PlanEdit("benchmark.cement.lime", 1m, "x")], out _, out var errors);

        Assert.False(ok);
        Assert.Equal([("benchmark.cement.lime", "UnknownFigure")], errors.Select(e => (e.Field, e.Rule)));
    }

    [Fact]
    public void Write_ThenTryRead_GivesTheSamePlan()
    {
        PlanJson.TryRead(PlanJson.Shipped("national-power-2023-2024"), out var plan, out _);

        var ok = PlanJson.TryRead(PlanJson.Write(plan!), out var again, out var problems);

        Assert.True(ok, string.Join("; ", problems.Select(p => p.Message)));
        Assert.Equal(plan!.Sectors[0].Products[0].Benchmark!.For(2024), again!.Sectors[0].Products[0].Benchmark!.For(2024));
        Assert.Equal(plan.CarryOver!.Multiplier.Value, again.CarryOver!.Multiplier.Value);
    }

    [Fact]
    public void TryRead_Guangdong2017_CarriesTheComplianceAndAuctionSections()
    {
        PlanJson.TryRead(PlanJson.Shipped("guangdong-2017"), out var plan, out _);

        Assert.Equal(new DateOnly(2018, 6, 20), plan!.Compliance!.SurrenderDeadline);
        Assert.Equal(0.10m, plan.Compliance.Offsets.MaxShareOfEmissions);
        Assert.True(plan.Compliance.IsUnconfirmed("offsets.provinceTotalCap"));
        Assert.Equal((1_000L, 0.5m, false), (plan.Auction!.MinimumBidTonnes, plan.Auction.MaximumBidderShare, plan.Auction.BidsWithdrawable));
    }

    [Fact]
    public void ComplianceFor_National2023_2024_GivesEachYearItsDeadline()
    {
        PlanJson.TryRead(PlanJson.Shipped("national-power-2023-2024"), out var plan, out _);

        Assert.Equal(new DateOnly(2024, 12, 31), plan!.ComplianceFor(2023)!.SurrenderDeadline);
        Assert.Equal(new DateOnly(2025, 12, 31), plan.ComplianceFor(2024)!.SurrenderDeadline);
        Assert.Equal(0.05m, plan.ComplianceFor(2024)!.Offsets.MaxShareOfEmissions);
        Assert.Null(plan.Auction);
    }

    [Fact]
    public void Flags_Guangdong2017_ListTheComplianceFiguresWithTheirUnconfirmedSources()
    {
        var flags = PlanFlag.Of(PlanJson.Shipped("guangdong-2017"));

        var cap = Assert.Single(flags, f => f.Path == "$.compliance.offsets.provinceTotalCap");
        Assert.Equal("1500000", cap.Value);
        Assert.DoesNotContain(flags, f => f.Path == "$.compliance.surrenderDeadline");
        Assert.Contains(flags, f => f.Path == "$.auction");
    }
}
