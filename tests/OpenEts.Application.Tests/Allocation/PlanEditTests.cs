using OpenEts.Application.Allocation;
using Xunit;

namespace OpenEts.Application.Tests.Allocation;

/// <summary>
/// A figure the plan editor, a confirmed what-if or the what-if sets outside the schema's bounds is refused as the edit:
/// the request's own field and the platform's rule with the value and the bounds, not the edited document's JSON path and
/// the schema keyword.
/// </summary>
public sealed class PlanEditTests
{
    private static readonly string Plan = PlanJson.Shipped("guangdong-2017");

    [Fact]
    public void TryApplyAndRead_FreeShareAboveOne_NamesTheEditWithTheValueAndBothBounds()
    {
        var ok = PlanEdit.TryApplyAndRead(Plan, [new PlanEdit("$.sectors[0].freeShare", 1.5m, "粤发改 2017") { Field = "edits[0].value" }],
            out var edited, out var errors);

        Assert.False(ok);
        Assert.Null(edited);
        var error = Assert.Single(errors);
        Assert.Equal(("edits[0].value", "FigureRange"), (error.Field, error.Rule));
        Assert.Equal(["1.5", "0", "1"], error.Figures);
        Assert.Equal("edits[0].value ($.sectors[0].freeShare): 1.5 is outside the allowed range, 0 to 1", error.Message);
    }

    [Fact]
    public void TryApplyAndRead_NegativeCapByShortName_NamesTheEditWithTheLeastAllowed()
    {
        var ok = PlanEdit.TryApplyAndRead(Plan, [new PlanEdit("cap.total", -5m, "粤发改 2017") { Field = "set[1]" }], out _, out var errors);

        Assert.False(ok);
        var error = Assert.Single(errors);
        Assert.Equal(("set[1]", "FigureMinimum"), (error.Field, error.Rule));
        Assert.Equal(["-5", "0"], error.Figures);
    }

    [Fact]
    public void TryApplyAndRead_FigureInRange_Reads()
    {
        var ok = PlanEdit.TryApplyAndRead(Plan, [new PlanEdit("free.power", 0.9m, "粤发改 2017") { Field = "edits[0].value" }],
            out var edited, out var errors);

        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        Assert.Contains("0.9", edited, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_BenchmarkAbove100_NamesTheSetLine()
    {
        var ok = WhatIf.TryRun(Plan, 2017, [], [new PlanEdit("benchmark.cement.clinker", 250m, "what-if") { Field = "set[0]" }], out _, out var errors);

        Assert.False(ok);
        var error = Assert.Single(errors);
        Assert.Equal(("set[0]", "FigureRange"), (error.Field, error.Rule));
        Assert.Equal(["250", "0", "100"], error.Figures);
    }
}
