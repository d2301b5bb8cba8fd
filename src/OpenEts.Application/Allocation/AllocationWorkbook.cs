using OpenEts.Application.Files;

namespace OpenEts.Application.Allocation;

/// <summary>
/// An entity's allocation as an .xlsx: one row per term of every step of the pre-allocation and the final allocation
/// (stage, step, formula, term, value, unit, source, the [UNCONFIRMED] flag, the step's result), then the totals and the
/// true-up, so that the calculation can be checked by hand outside the platform.
/// </summary>
public static class AllocationWorkbook
{
    /// <summary>The column headers.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["stage 阶段", "step 步骤", "formula 公式", "term 项", "value 数值", "unit 单位", "source 来源", "flag 标记", "result 结果 (t)"];

    /// <summary>Writes <paramref name="view"/> to <paramref name="output"/>.</summary>
    public static void Write(Stream output, EntityAllocationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var record in new[] { view.Pre, view.Final }.OfType<AllocationRecord>())
        {
            var stage = $"{record.Stage} ({record.PlanId} v{record.Version})";
            foreach (var step in record.Allocation.Steps)
            {
                foreach (var term in step.Terms)
                {
                    rows.Add([stage, step.Step, step.Formula, term.Name, term.Value, term.Unit, term.Source, term.Unconfirmed ? "[UNCONFIRMED]" : "", step.Result]);
                }
            }
            var a = record.Allocation;
            rows.Add([stage, "total", "round(A)", "", a.Exact, "t", "", a.Unconfirmed ? "[UNCONFIRMED]" : "", a.Total.Value]);
            rows.Add([stage, "free", "", "", a.Free.Value, "t", "", "", a.Free.Value]);
            rows.Add([stage, "paid", "round(A) − free", "", a.Paid.Value, "t", "to auction", "", a.Paid.Value]);
        }
        if (view.TrueUp is { } t)
        {
            rows.Add(["true-up 多退少补", "final − pre", "free(final) − free(pre)", "", t.Difference, "t", "", "", t.Difference]);
        }
        TabularWriter.WriteXlsx(output, Header, rows);
    }
}
