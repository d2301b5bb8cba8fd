using System.Globalization;
using System.Text;

namespace OpenEts.Domain.Mrv;

/// <summary>
/// Prints the derivation tree of a figure (推导过程): each figure with its value, unit and where it came from, its
/// inputs indented below it. Values are shown to at most 6 decimal places; the figures themselves stay exact.
/// </summary>
public static class DerivationText
{
    /// <summary>The number of decimal places shown.</summary>
    public const int ShownDecimals = 6;

    /// <summary>The tree as lines, the figure first.</summary>
    public static IReadOnlyList<string> Lines(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var lines = new List<string>();
        Walk(figure, "", "", lines);
        return lines;
    }

    /// <summary>The tree as one text, a line per figure.</summary>
    public static string Render(Figure figure) => string.Join('\n', Lines(figure)) + "\n";

    /// <summary>A value as shown: at most <see cref="ShownDecimals"/> places, no trailing zeros.</summary>
    public static string Number(decimal value) =>
        decimal.Round(value, ShownDecimals, MidpointRounding.AwayFromZero).ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>One figure on one line: "NCV = 20.908 GJ/t (default: …)".</summary>
    public static string Describe(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var text = new StringBuilder();
        text.Append(figure.Name).Append(" = ").Append(Number(figure.Value)).Append(' ').Append(MeasureUnits.Symbol(figure.Unit));
        text.Append(figure.Source switch
        {
            Provenance.Computed c => $"  [{c.Formula}]",
            Provenance.Default d => string.Create(CultureInfo.InvariantCulture,
                $"  (default: {d.Table}, {d.Row}; {d.Guideline}, {d.Year}{(d.Confirmed ? "" : "; [UNCONFIRMED]")})"),
            Provenance.Measured m => $"  (measured: {m.Evidence}; rule {m.Rule})",
            Provenance.Reported r => $"  (reported: {r.Where})",
            _ => "",
        });
        return text.ToString();
    }

    private static void Walk(Figure figure, string lead, string childLead, List<string> lines)
    {
        lines.Add(lead + Describe(figure));
        if (figure.Source is not Provenance.Computed computed)
        {
            return;
        }
        for (var i = 0; i < computed.Inputs.Count; i++)
        {
            var last = i == computed.Inputs.Count - 1;
            Walk(computed.Inputs[i], childLead + (last ? "└─ " : "├─ "), childLead + (last ? "   " : "│  "), lines);
        }
    }
}
