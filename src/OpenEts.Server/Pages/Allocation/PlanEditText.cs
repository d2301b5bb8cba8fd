using System.Globalization;
using System.Text.RegularExpressions;
using OpenEts.Application.Allocation;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Allocation;

/// <summary>
/// The plan editor's and the what-if's errors in the request's language: an edit named by its position in the request
/// and its figure in the plan's words (第 1 个新数值（电力 · 免费配额比例）, 修改的数值 1（电力 · 免费配额比例）), not by the
/// JSON path of the edited document.
/// </summary>
internal static partial class PlanEditText
{
    /// <summary>
    /// The message of <paramref name="error"/> from a save of <paramref name="edits"/> (paths or short names, in the
    /// request's order: <c>edits[i]</c>, or a what-if's <c>set[i]</c>) to <paramref name="stored"/>; an error that names
    /// no edit reads as any field error does.
    /// </summary>
    public static string Describe(FieldError error, StoredPlan stored, IReadOnlyList<string?> edits)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(edits);
        if (Edit().Match(error.Field) is not { Success: true } m
            || !int.TryParse(m.Groups[m.Groups[1].Success ? 1 : 2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            || edits.ElementAtOrDefault(i) is not { Length: > 0 } target)
        {
            return RuleText.Field(error);
        }
        var path = PlanEdit.PathOf(stored.Document, target) ?? target;
        var label = m.Groups[1].Success ? "alloc.editlabel" : "alloc.whatif.setlabel";
        return RuleText.Stated(error, Text.T(label, i + 1, AllocationLabels.Path(stored.Plan, path)));
    }

    [GeneratedRegex(@"^(?:edits\[(\d+)\]|set\[(\d+)\])")]
    private static partial Regex Edit();
}
