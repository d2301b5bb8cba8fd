using OpenEts.Application.Allocation;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Organisations;
using Xunit;

namespace OpenEts.Application.Tests.Allocation;

/// <summary>
/// Worked examples on the shipped plan documents, each number derived by hand in the comment above its assertion
/// (national-ets.md §2.2–2.3, guangdong.md §1.4).
/// </summary>
public sealed class WorkedExampleTests
{
    private static AllocationPlan Plan(string id)
    {
        Assert.True(PlanJson.TryRead(PlanJson.Shipped(id), out var plan, out var problems), string.Join("; ", problems.Select(p => p.Message)));
        return plan;
    }

    private static EntityInput Power(string code, decimal? verified, params ProductInput[] units) =>
        new(code, "示范电厂 " + code, Sector.Power) { Products = units, Verified = verified };

    [Fact]
    public void National2023_CoalUnitBelow65PercentLoad_GetsTheLoadFactorCorrection()
    {
        var unit = new ProductInput("coal-I", 2_000_000m) { LoadFactor = 0.60m, Heat = 500_000m };

        var a = AllocationCalculator.Allocate(Plan("national-power-2023-2024"), 2023, Power("C1", 1_800_000m, unit), AllocationStage.Final);

        // Ff = 1.015^(16 − 20 × 0.60) = 1.015^4 = 1.061363550625 → 1.0614 (4 places).
        // Ae = 2 000 000 MWh × 0.7950 × 1.0614 = 1 687 626; Ah = 500 000 GJ × 0.1038 = 51 900; A = 1 739 526.
        // 80 % of 1 800 000 = 1 440 000 < A: the shortfall cap does not apply. Free share 100 %.
        Assert.Equal(1.0614m, a.Steps[0].Terms.Single(t => t.Name == "load").Value);
        Assert.Equal(1_687_626m, a.Steps[0].Result);
        Assert.Equal(51_900m, a.Steps[1].Result);
        Assert.Equal((1_739_526L, 1_739_526L, 0L), (a.Total.Value, a.Free.Value, a.Paid.Value));
        Assert.DoesNotContain(a.Steps, s => s.Step == "shortfall-cap");
    }

    [Fact]
    public void National2024_SameUnit_UsesThe2024Benchmarks()
    {
        var unit = new ProductInput("coal-I", 2_000_000m) { LoadFactor = 0.60m, Heat = 500_000m };

        var a = AllocationCalculator.Allocate(Plan("national-power-2023-2024"), 2024, Power("C1", 1_800_000m, unit), AllocationStage.Final);

        // 2 000 000 × 0.7910 × 1.0614 = 1 679 134.8; 500 000 × 0.1033 = 51 650; A = 1 730 784.8 → 1 730 785.
        Assert.Equal(1_730_784.8m, a.Exact);
        Assert.Equal(1_730_785L, a.Total.Value);
    }

    [Fact]
    public void National2023_GasUnitAllocatedBelowItsEmissions_IsToppedUpToThem()
    {
        var unit = new ProductInput("gas", 1_000_000m) { Heat = 200_000m };

        var a = AllocationCalculator.Allocate(Plan("national-power-2023-2024"), 2023, Power("G1", 360_000m, unit), AllocationStage.Final);

        // 1 000 000 MWh × 0.3305 = 330 500; 200 000 GJ × 0.0536 = 10 720; 341 220 < 360 000 verified → 360 000.
        Assert.Equal(341_220m, a.Steps.Single(s => s.Step == "gas-exemption").Terms[0].Value);
        Assert.Equal(360_000L, a.Total.Value);
    }

    [Fact]
    public void National2023_EntityBelowThe80PercentFloor_IsRaisedToExactly80Percent()
    {
        var unit = new ProductInput("coal-I", 1_000_000m) { LoadFactor = 0.80m };

        var a = AllocationCalculator.Allocate(Plan("national-power-2023-2024"), 2023, Power("C2", 1_100_000m, unit), AllocationStage.Final);

        // F = 0.80 ≥ 0.65 → Ff = 1; A = 1 000 000 × 0.7950 = 795 000; shortfall (1 100 000 − 795 000) / 1 100 000 = 27.7 % > 20 %;
        // raised to 1 100 000 × 0.8 = 880 000.
        Assert.Equal(795_000m, a.Steps[0].Result);
        Assert.Equal(880_000L, a.Total.Value);
        Assert.Contains(a.Steps, s => s.Step == "shortfall-cap");
    }

    [Fact]
    public void National2023_PreAllocation_Is70PercentOfLastYearsVerifiedEmissions()
    {
        var entity = Power("C1", null) with { PreviousVerified = 1_800_000m };

        var a = AllocationCalculator.Allocate(Plan("national-power-2023-2024"), 2023, entity, AllocationStage.Pre);

        // 0.7 × 1 800 000 = 1 260 000.
        Assert.Equal(1_260_000L, a.Total.Value);
    }

    [Fact]
    public void Guangdong2017_CementClinker_BenchmarkTimesOutputWith97PercentFree()
    {
        var cement = new EntityInput("K1", "示范水泥", Sector.Cement) { Products = [new ProductInput("clinker", 1_400_000m)] };

        var a = AllocationCalculator.Allocate(Plan("guangdong-2017"), 2017, cement, AllocationStage.Final);

        // 1 400 000 t × 0.8534 (placeholder) = 1 194 760; free 97 % = 1 158 917.2 → 1 158 917; paid 35 843.
        Assert.Equal((1_194_760L, 1_158_917L, 35_843L), (a.Total.Value, a.Free.Value, a.Paid.Value));
        Assert.True(a.Unconfirmed);
    }

    [Fact]
    public void Guangdong2017_TrueUp_IssuesToPowerAndWithdrawsFromCement()
    {
        var plan = Plan("guangdong-2017");
        var power = new EntityInput("P1", "示范电厂", Sector.Power)
        {
            PreviousProducts = [new ProductInput("coal-I", 3_480_000m)],
            Products = [new ProductInput("coal-I", 3_600_000m)],
        };
        var cement = new EntityInput("K1", "示范水泥", Sector.Cement)
        {
            PreviousProducts = [new ProductInput("clinker", 1_450_000m)],
            Products = [new ProductInput("clinker", 1_400_000m)],
        };

        var powerUp = TrueUp.Between(AllocationCalculator.Allocate(plan, 2017, power, AllocationStage.Pre),
            AllocationCalculator.Allocate(plan, 2017, power, AllocationStage.Final));
        var cementUp = TrueUp.Between(AllocationCalculator.Allocate(plan, 2017, cement, AllocationStage.Pre),
            AllocationCalculator.Allocate(plan, 2017, cement, AllocationStage.Final));

        // Power: pre 3 480 000 MWh × 0.877 = 3 051 960, free 95 % = 2 899 362; final 3 600 000 × 0.877 = 3 157 200,
        // free 2 999 340: issue 99 978.
        Assert.Equal((2_899_362L, 2_999_340L, 99_978L), (powerUp.Pre.Value, powerUp.Final.Value, powerUp.ToIssue.Value));
        // Cement: pre 1 450 000 t × 0.8534 = 1 237 430, free 97 % = 1 200 307.1 → 1 200 307; final 1 158 917: withdraw 41 390.
        Assert.Equal((1_200_307L, 1_158_917L, 41_390L), (cementUp.Pre.Value, cementUp.Final.Value, cementUp.ToWithdraw.Value));
    }

    [Fact]
    public void Guangdong2017_StoppageOverSixMonths_TakesBackTheAbnormalMonths()
    {
        var cement = new EntityInput("K1", "示范水泥", Sector.Cement) { Products = [new ProductInput("clinker", 1_200_000m)], AbnormalMonths = 7 };

        var a = AllocationCalculator.Allocate(Plan("guangdong-2017"), 2017, cement, AllocationStage.Final);

        // 1 200 000 × 0.8534 = 1 024 080; 7 months > 6 (art. 15): × 5/12 = 426 700.
        Assert.Equal(426_700L, a.Total.Value);
    }

    [Fact]
    public void Guangdong2017_PetrochemicalWithAnAbnormalYearExcluded_AveragesTheOtherHistoryYears()
    {
        IReadOnlyDictionary<string, decimal> none = new Dictionary<string, decimal>();
        var refinery = new EntityInput("R1", "示范炼厂", Sector.Petrochemical)
        {
            Products = [new ProductInput("refining", 5_000_000m)],
            Verified = 1_000_000m,
            History = [new HistoryYear(2014, 1_000_000m, none), new HistoryYear(2015, 400_000m, none), new HistoryYear(2016, 1_100_000m, none)],
        };
        var plan = Plan("guangdong-2017");

        var all = AllocationCalculator.Allocate(plan, 2017, refinery, AllocationStage.Final);
        var excluded = AllocationCalculator.Allocate(plan, 2017, refinery with { ExcludedYears = [2015] }, AllocationStage.Final);
        var tooMany = AllocationCalculator.Allocate(plan, 2017, refinery with { ExcludedYears = [2016, 2015] }, AllocationStage.Final);

        // All three years: (1 000 000 + 400 000 + 1 100 000) / 3 = 833 333.33… × d 1 → 833 333; free 97 % = 808 333.
        Assert.Equal((833_333L, 808_333L), (all.Total.Value, all.Free.Value));
        // 2015 left out: (1 000 000 + 1 100 000) / 2 = 1 050 000; free 97 % = 1 018 500.
        Assert.Equal((1_050_000L, 1_018_500L), (excluded.Total.Value, excluded.Free.Value));
        // The plan allows one exclusion: of 2015 and 2016 only the first (2015) is left out, and a note says so.
        Assert.Equal(1_050_000L, tooMany.Total.Value);
        Assert.Contains(tooMany.Notes, n => n.Contains("the plan allows 1", StringComparison.Ordinal));
    }

    [Fact]
    public void CapCheck_Guangdong2017_ComparesWithTheCoveredCap()
    {
        var plan = Plan("guangdong-2017");
        var cement = new EntityInput("K1", "示范水泥", Sector.Cement) { Products = [new ProductInput("clinker", 1_400_000m)] };

        var check = CapCheck.Of(plan, 2017, [AllocationCalculator.Allocate(plan, 2017, cement, AllocationStage.Final)])!;

        // 399 000 000 − 1 194 760 = 397 805 240 left under the covered cap.
        Assert.Equal(397_805_240m, check.Headroom);
        Assert.True(check.Within);
    }

    [Fact]
    public void CarryOver_National2023_2024_IsBasePlusOneAndAHalfTimesNetSoldCappedByHoldings()
    {
        var carry = Plan("national-power-2023-2024").CarryOver!;

        // T = 10 000 + 7 001 × 1.5 = 20 501.5 → 20 501; at most the holdings.
        Assert.Equal(20_501L, carry.Limit(7_001, 1_000_000));
        Assert.Equal(15_000L, carry.Limit(7_001, 15_000));
        Assert.Equal(10_000L, carry.Limit(-500, 1_000_000));
    }
}
