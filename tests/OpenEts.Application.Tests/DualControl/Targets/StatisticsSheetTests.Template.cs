using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Tests.Files;
using Xunit;

namespace OpenEts.Application.Tests.DualControl.Targets;

public sealed partial class StatisticsSheetTests
{
    private static byte[] Template() => TemplateWorkbook.Write(StatisticsSheet.WriteTemplate);

    [Fact]
    public void WriteTemplate_InstructionsSheet_ListsEveryColumnWithItsUnitRangeAndSource()
    {
        var template = Template();

        var guide = TemplateWorkbook.CheckedInstructions(template, "地区能源统计", StatisticsSheet.TemplateHeader);

        Assert.Equal(["吨标准煤（tce）", "必填"], guide["能源消费量（吨标准煤）"][..2]);
        Assert.Equal(["万元", "必填"], guide["地区生产总值（万元）"][..2]);
        Assert.Equal(["个月", "选填"], guide["月数"][..2]);
        Assert.Contains("2000–2100", guide["年份"][2], StringComparison.Ordinal);
        Assert.Contains("GB/T 2589", guide["能源消费量（吨标准煤）"][3], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TemplateAsDownloaded_NothingToLoadAndNoError()
    {
        using var untouched = new MemoryStream(Template());

        var (command, errors) = StatisticsSheet.Read(untouched, "地区能源统计模板.xlsx");

        Assert.Null(command);
        Assert.Empty(errors);
    }

    [Fact]
    public void Read_TemplateWithOneRowTyped_GivesThatLine()
    {
        using var filled = TemplateWorkbook.Filled(Template(), ["NX-YC", 2025, 1, 1, 1_234.567m, 2_000m]);

        var (command, errors) = StatisticsSheet.Read(filled, "地区能源统计模板.xlsx");

        Assert.Empty(errors);
        var line = Assert.Single(command!.Lines);
        Assert.Equal((2, "NX-YC", 1_234.567m), (line.Row, line.Region.Value, line.Energy.Value));
    }
}
