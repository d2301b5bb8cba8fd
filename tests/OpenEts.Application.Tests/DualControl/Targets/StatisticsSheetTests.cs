using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Files;
using Xunit;

namespace OpenEts.Application.Tests.DualControl.Targets;

public sealed partial class StatisticsSheetTests
{
    private static (RecordStatistics? Command, IReadOnlyList<OpenEts.Application.Organisations.RowError> Errors) Read(params object?[][] rows)
    {
        using var file = new MemoryStream();
        TabularWriter.WriteXlsx(file, StatisticsSheet.TemplateHeader, rows.Select(r => (IReadOnlyList<object?>)r));
        file.Position = 0;
        return StatisticsSheet.Read(file, "stats.xlsx");
    }

    [Fact]
    public void Read_GoodMonthsAndAQuarter_GivesOneLinePerRowWithItsSheetRow()
    {
        var (command, errors) = Read(["NX-YC", 2025, 1, 1, 1_234.567m, 2_000m], ["nx-yc", 2025, 4, 3, 3_000m, 6_000.5m]);

        Assert.Empty(errors);
        Assert.Equal([2, 3], command!.Lines.Select(l => l.Row));
        Assert.Equal(1_234.567m, command.Lines[0].Energy.Value);
        Assert.Equal("NX-YC", command.Lines[1].Region.Value);
        Assert.Equal(3, command.Lines[1].Months);
    }

    [Fact]
    public void Read_ABlankRequiredCell_IsRequiredNotARangeError()
    {
        var (command, errors) = Read(["NX-YC", null, 1, 1, 1_000m, 2_000m], ["NX-YC", 2025, 2, 1, null, 6_000m], ["", 2025, 3, 1, 1_000m, null]);

        Assert.Empty(errors);
        Assert.Equal([(2, "B", "Required"), (3, "E", "Required"), (4, "A", "Required"), (4, "F", "Required")],
            command!.ReadErrors.Select(e => (e.Row, e.Column, e.Rule)));
    }

    [Fact]
    public void Read_ATextInANumberColumn_NamesItsRowAndColumn()
    {
        var (command, errors) = Read(["NX-YC", 2025, 1, 1, "lots", 2_000m], ["NX-YC", 2025, 2, 1, 3_000m, 6_000m]);

        Assert.Empty(errors);
        var bad = Assert.Single(command!.ReadErrors);
        Assert.Equal((2, "E", "energyTce"), (bad.Row, bad.Column, bad.Field));
    }

    [Fact]
    public void Read_AFebruaryQuarterAndMoreThanOneKgceOfPrecision_RefusesBothRows()
    {
        var (command, _) = Read(["NX-YC", 2025, 2, 3, 3_000m, 6_000m], ["NX-YC", 2025, 5, 1, 1.0001m, 6_000m]);

        Assert.Empty(command!.Lines);
        Assert.Equal([(2, "C", "Period"), (3, "E", "Tce")], command.ReadErrors.Select(e => (e.Row, e.Column, e.Rule)));
    }

    // The reader stopped at the cells that were no numbers: the rows' rules and repeats came only after those were mended.
    [Fact]
    public void Read_ANumberThatIsTextABadPeriodAndARepeatedRow_NamesEveryErrorOfEveryRowByItsHeaderInOnePass()
    {
        var (command, _) = Read(
            ["NX-YC", 2025, 13, 1, "lots", 2_000m],
            ["NX-YC", 2025, 2, 1, 3_000m, 6_000m],
            ["NX-YC", 2025, 2, 1, 3_000m, -1m]);

        Assert.Equal([(2, "C", "月份", "Period"), (2, "E", "能源消费量（吨标准煤）", "Number"), (4, "A", "地区代码", "DuplicateRow"),
                (4, "F", "地区生产总值（万元）", "Output")],
            command!.ReadErrors.Select(e => (e.Row, e.Column, e.Header, e.Rule)));
    }

    // A repeat named only the last of its rows and not the row it repeated; a third copy went unnamed.
    [Fact]
    public void Read_ARowGivenThreeTimes_NamesEachRepeatWithTheRowItRepeats()
    {
        var (command, _) = Read(
            ["NX-YC", 2025, 2, 1, 3_000m, 6_000m],
            ["NX-GY", 2025, 2, 1, 3_000m, 6_000m],
            ["NX-YC", 2025, 2, 1, 3_100m, 6_000m],
            ["NX-YC", 2025, 2, 1, 3_200m, 6_000m]);

        Assert.Equal([(4, "DuplicateRow", "NX-YC", "2"), (5, "DuplicateRow", "NX-YC", "2")],
            command!.ReadErrors.Select(e => (e.Row, e.Rule, e.Figures[0], e.Figures[^1])));
    }

    // A missing column was named by the field's key (outputWanYuan), which no clerk's sheet heads a column with.
    [Fact]
    public void Read_AColumnMissing_NamesItByTheTemplatesHeaderWithTheNamesAccepted()
    {
        using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("地区代码,年份,月份,能源消费量（吨标准煤）\nNX-YC,2025,1,100\n"));

        var (command, errors) = StatisticsSheet.Read(file, "stats.csv");

        Assert.Null(command);
        var missing = Assert.Single(errors);
        Assert.Equal(("MissingColumn", "地区生产总值（万元）"), (missing.Rule, missing.Header));
        Assert.Equal(["地区生产总值（万元）", "outputWanYuan"], missing.Figures);
    }

    [Fact]
    public void PlanDocument_DemoPlan_ReadsValidatesAndRoundTrips()
    {
        Assert.True(DemoEnergyTargets.Plan().TryRead(1, out var plan, out var errors), string.Join("; ", errors.Select(e => e.Message)));

        Assert.Empty(plan.Validate());
        Assert.Equal(DemoEnergyTargets.Plan() with { Units = null, Pollutants = null }, PlanDocument.From(plan) with { Units = null, Pollutants = null });
    }

    [Fact]
    public void AdoptPlan_TryParse_NamesTheBadFieldsOfAUnit()
    {
        var document = DemoEnergyTargets.Plan();
        var bad = document with { Units = [document.Units![0] with { Kind = "Village", Years = [new(2021, -5m, 0m, 3.2m)] }] };

        Assert.False(AdoptPlan.TryParse(bad, out _, out var errors));

        Assert.Contains(errors, e => e.Field == "units[0].kind");
        Assert.Contains(errors, e => e.Field == "units[0].years[0].energyBudgetTce");
    }
}
