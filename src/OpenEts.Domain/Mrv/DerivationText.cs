using System.Globalization;
using System.Text;

namespace OpenEts.Domain.Mrv;

/// <summary>
/// Prints the derivation tree of a figure (推导过程): each figure with its value, unit and where it came from, its
/// inputs indented below it. A default is printed as a numbered note ("default [1]"), the notes listed once after the
/// tree with their table, row, guideline, year and [UNCONFIRMED] flag, so a report of many lines that share defaults
/// stays readable. Values are shown to at most 6 decimal places; the figures themselves stay exact.
/// </summary>
public static class DerivationText
{
    /// <summary>The number of decimal places shown.</summary>
    public const int ShownDecimals = 6;

    /// <summary>The tree as lines, the figure first, then the notes of the defaults it uses.</summary>
    public static IReadOnlyList<string> Lines(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var lines = new List<string>();
        Emit(figure, (lead, text) => lines.Add(lead + text));
        return lines;
    }

    /// <summary>
    /// Writes the tree's lines to <paramref name="output"/> as they are made, each after <paramref name="indent"/> and
    /// ending in '\n' (what <see cref="Lines"/> holds, without holding it: a 100 000-line report's tree is 600 000 lines).
    /// </summary>
    public static void Write(Figure figure, TextWriter output, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(output);
        Emit(figure, (lead, text) =>
        {
            output.Write(indent);
            output.Write(lead);
            output.Write(text);
            output.Write('\n');
        });
    }

    private static void Emit(Figure figure, Action<string, string> line)
    {
        var notes = new Dictionary<Provenance.Default, int>();
        Walk(figure, "", "", line, notes, new Dictionary<Figure, string>(ReferenceEqualityComparer.Instance), new StringBuilder());
        if (notes.Count > 0)
        {
            line("", "defaults:");
            foreach (var (source, n) in notes)
            {
                line("", string.Create(CultureInfo.InvariantCulture, $"  [{n}] {Source(source)}"));
            }
        }
    }

    /// <summary>The tree as one text, a line per figure.</summary>
    public static string Render(Figure figure)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(figure, text);
        return text.ToString();
    }

    /// <summary>A value as shown: at most <see cref="ShownDecimals"/> places, no trailing zeros.</summary>
    public static string Number(decimal value)
    {
        // Round keeps a smaller scale as it is, so only trailing zeros of the rounded scale need trimming; faster than
        // a custom format string on the 600 000 lines of a 100 000-line report's tree.
        var text = decimal.Round(value, ShownDecimals, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    /// <summary>One figure on one line, its source in full: "NCV = 20.908 GJ/t (default: table, row; guideline, year)".</summary>
    public static string Describe(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return Head(figure, new StringBuilder()) + figure.Source switch
        {
            Provenance.Default d => "  (default: " + Source(d) + ")",
            var other => Tail(other),
        };
    }

    /// <summary>Where a default comes from: "table, row; guideline, year[; [UNCONFIRMED]]".</summary>
    public static string Source(Provenance.Default source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return string.Create(CultureInfo.InvariantCulture,
            $"{source.Table}, {source.Row}; {source.Guideline}, {source.Year}{(source.Confirmed ? "" : "; [UNCONFIRMED]")}");
    }

    private static string Head(Figure figure, StringBuilder text)
    {
        text.Clear();
        return text.Append(figure.Name).Append(" = ").Append(Number(figure.Value)).Append(' ')
            .Append(MeasureUnits.Symbol(figure.Unit)).ToString();
    }

    private static string Tail(Provenance source) => source switch
    {
        Provenance.Computed c => "  [" + c.Formula + "]",
        Provenance.Measured { AdjustedBy: { } by } m => "  (adjusted in verification by " + by + "; evidence " + m.Evidence + ")",
        Provenance.Measured m => "  (measured: " + m.Evidence + "; rule " + m.Rule + ")",
        Provenance.Reported r => "  (reported: " + r.Where + ")",
        _ => "",
    };

    // Defaults are shared Figure instances (every raw-coal line has the same NCV): their text is made once.
    private static void Walk(Figure figure, string lead, string childLead, Action<string, string> line,
        Dictionary<Provenance.Default, int> notes, Dictionary<Figure, string> defaults, StringBuilder text)
    {
        if (figure.Source is Provenance.Default d)
        {
            if (!defaults.TryGetValue(figure, out var described))
            {
                described = Head(figure, text)
                    + string.Create(CultureInfo.InvariantCulture, $"  (default [{Note(d, notes)}]{(d.Confirmed ? "" : ", UNCONFIRMED")})");
                defaults[figure] = described;
            }
            line(lead, described);
            return;
        }
        line(lead, Head(figure, text) + Tail(figure.Source));
        if (figure.Source is not Provenance.Computed computed)
        {
            return;
        }
        for (var i = 0; i < computed.Inputs.Count; i++)
        {
            var last = i == computed.Inputs.Count - 1;
            Walk(computed.Inputs[i], childLead + (last ? "└─ " : "├─ "), childLead + (last ? "   " : "│  "), line, notes, defaults, text);
        }
    }

    private static int Note(Provenance.Default source, Dictionary<Provenance.Default, int> notes)
    {
        if (!notes.TryGetValue(source, out var n))
        {
            n = notes.Count + 1;
            notes[source] = n;
        }
        return n;
    }
}
