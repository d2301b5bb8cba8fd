using System.Text.Json;
using OpenEts.Domain.Mrv;

namespace OpenEts.Application.Mrv.Files;

/// <summary>
/// A computed report as JSON (<c>ets mrv calc --json</c>; docs/mrv.md): its settings, the emissions per line, the
/// auxiliary lines, the exact and the reported total, findings, and the derivation tree of the total with every
/// figure's value, unit and provenance. Decimals are written exactly, as JSON numbers.
/// </summary>
public static class ReportCalculationJson
{
    /// <summary>Writes <paramref name="check"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter json, string file, ReportFileCheck check)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(check);
        json.WriteStartObject();
        json.WriteString("file", file);
        json.WriteBoolean("valid", check.IsValid);
        if (check.Report is { } report)
        {
            json.WriteString("sector", report.Sector.ToString().ToLowerInvariant());
            json.WriteNumber("year", report.Year);
            json.WriteString("region", report.Region);
            json.WriteString("method", ReportWorkbook.MethodCode(report.Method));
        }
        if (check.Calculation is { } calculation)
        {
            json.WriteString("factorLibrary", calculation.FactorLibraryVersion);
            WriteLines(json, "lines", calculation.Lines);
            WriteLines(json, "auxiliary", calculation.Auxiliary);
            json.WriteNumber("total", calculation.Total.Value);
            json.WriteNumber("reportedTotal", calculation.ReportedTotal);
        }
        json.WriteStartArray("errors");
        foreach (var e in check.Errors)
        {
            json.WriteStartObject();
            json.WriteString("sheet", e.Sheet);
            json.WriteNumber("row", e.Row);
            json.WriteString("column", e.Column);
            json.WriteString("header", e.Header);
            json.WriteString("rule", e.Rule);
            json.WriteString("message", e.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("errorCount", check.ErrorCount);
        json.WriteStartArray("warnings");
        foreach (var w in check.Warnings)
        {
            json.WriteStartObject();
            json.WriteString("line", w.LineId);
            json.WriteString("field", w.Field);
            json.WriteString("rule", w.Rule);
            json.WriteString("message", w.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (check.Calculation is { } c)
        {
            var notes = new Dictionary<Provenance.Default, int>();
            json.WritePropertyName("derivation");
            WriteFigure(json, c.Total, notes);
            json.WriteStartArray("defaults");
            foreach (var (d, n) in notes)
            {
                json.WriteStartObject();
                json.WriteNumber("note", n);
                json.WriteString("guideline", d.Guideline);
                json.WriteString("table", d.Table);
                json.WriteString("row", d.Row);
                json.WriteNumber("year", d.Year);
                json.WriteBoolean("confirmed", d.Confirmed);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteLines(Utf8JsonWriter json, string name, IReadOnlyList<LineEmission> lines)
    {
        json.WriteStartArray(name);
        foreach (var line in lines)
        {
            json.WriteStartObject();
            json.WriteString("id", line.LineId);
            json.WriteString("kind", SourceKinds.Code(line.Kind));
            json.WriteNumber("emissions", line.Emissions.Value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>
    /// One figure and, when computed, its inputs, recursively. A default names its note in <paramref name="notes"/>
    /// (numbered from 1 in first use), where its guideline, table, row and year are written once.
    /// </summary>
    public static void WriteFigure(Utf8JsonWriter json, Figure figure, Dictionary<Provenance.Default, int> notes)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(notes);
        json.WriteStartObject();
        json.WriteString("name", figure.Name);
        json.WriteNumber("value", figure.Value);
        json.WriteString("unit", MeasureUnits.Symbol(figure.Unit));
        switch (figure.Source)
        {
            case Provenance.Default d:
                if (!notes.TryGetValue(d, out var note))
                {
                    note = notes.Count + 1;
                    notes[d] = note;
                }
                json.WriteString("source", "default");
                json.WriteNumber("note", note);
                json.WriteBoolean("confirmed", d.Confirmed);
                break;
            case Provenance.Measured m:
                json.WriteString("source", "measured");
                json.WriteString("evidence", m.Evidence);
                json.WriteString("rule", m.Rule);
                if (m.AdjustedBy is { } by)
                {
                    json.WriteString("adjustedBy", by);
                }
                break;
            case Provenance.Reported r:
                json.WriteString("source", "reported");
                json.WriteString("where", r.Where);
                break;
            case Provenance.Computed computed:
                json.WriteString("source", "computed");
                json.WriteString("formula", computed.Formula);
                json.WriteStartArray("inputs");
                foreach (var input in computed.Inputs)
                {
                    WriteFigure(json, input, notes);
                }
                json.WriteEndArray();
                break;
        }
        json.WriteEndObject();
    }
}
