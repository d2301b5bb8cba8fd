using OpenEts.Application.Mrv;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Server.Pages.Mrv;

/// <summary>
/// The report form as posted: a row per line and per output, blank rows ignored. Rows are numbered as the form shows
/// them; <see cref="Renamed"/> files an error on a posted line under the row it came from.
/// </summary>
public sealed class ReportInputRows
{
    public int? Year { get; set; }

    public string? Region { get; set; }

    public List<LineRow> Lines { get; set; } = [];

    public List<OutputRow> Outputs { get; set; } = [];

    // The form's row of each posted line and output, by their position in the posted lists.
    private readonly List<int> _lineRows = [];
    private readonly List<int> _outputRows = [];

    public static ReportInputRows From(MrvReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ReportInputRows
        {
            Year = report.Year,
            Region = report.Region,
            Lines = [.. report.Lines.Select(l => new LineRow
            {
                Id = l.Id, Kind = SourceKinds.Code(l.Kind), Material = l.Material, Amount = l.Amount, Unit = MeasureUnits.Symbol(l.Unit),
                Measured = [.. l.Measured.Select(m => new MeasuredRow { Parameter = m.Parameter.ToString(), Value = m.Value, Evidence = m.Evidence, Rule = m.Rule })],
            })],
            Outputs = [.. report.Outputs.Select(o => new OutputRow
            {
                Kind = OutputKinds.Code(o.Kind), Amount = o.Amount, Unit = MeasureUnits.Symbol(o.Unit), Detail = o.Detail,
            })],
        };
    }

    /// <summary>Adds blank rows up to <paramref name="blank"/> empty line rows and one empty output row.</summary>
    public void Pad(int blank)
    {
        while (Lines.Count(l => l.IsBlank) < blank)
        {
            Lines.Add(new LineRow());
        }
        if (!Outputs.Any(o => o.IsBlank))
        {
            Outputs.Add(new OutputRow());
        }
    }

    public SaveDraftReport.Form ToForm()
    {
        _lineRows.Clear();
        _outputRows.Clear();
        var lines = new List<LineForm>();
        for (var i = 0; i < Lines.Count; i++)
        {
            if (!Lines[i].IsBlank)
            {
                _lineRows.Add(i);
                lines.Add(new LineForm(Lines[i].Id, Lines[i].Kind, Lines[i].Material, Lines[i].Amount, Lines[i].Unit,
                    Lines[i].Measured.Count == 0 ? null : [.. Lines[i].Measured.Select(m => new MeasuredForm(m.Parameter, m.Value, m.Evidence, m.Rule))]));
            }
        }
        var outputs = new List<OutputForm>();
        for (var i = 0; i < Outputs.Count; i++)
        {
            if (!Outputs[i].IsBlank)
            {
                _outputRows.Add(i);
                outputs.Add(new OutputForm(Outputs[i].Kind, Outputs[i].Amount, Outputs[i].Unit, Outputs[i].Detail));
            }
        }
        return new SaveDraftReport.Form(Year, Region, lines, outputs);
    }

    /// <summary>
    /// The form's row of the report's line at <paramref name="index"/> (its position in the saved report): the posted row
    /// it came from, or the same position when the rows were read from the saved report.
    /// </summary>
    public int RowOfLine(int index) => _lineRows.Count == 0 ? index : index < _lineRows.Count ? _lineRows[index] : -1;

    /// <summary><paramref name="errors"/> with <c>lines[k]</c> and <c>outputs[k]</c> renamed to the form's rows.</summary>
    public IReadOnlyList<FieldError> Renamed(IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return [.. errors.Select(e => e with { Field = Rename(Rename(e.Field, "lines[", _lineRows), "outputs[", _outputRows) })];
    }

    private static string Rename(string field, string prefix, List<int> rows)
    {
        if (!field.StartsWith(prefix, StringComparison.Ordinal))
        {
            return field;
        }
        var end = field.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(field.AsSpan(prefix.Length, end - prefix.Length), out var k) && k < rows.Count
            ? prefix + rows[k] + field[end..]
            : field;
    }

    public sealed class LineRow
    {
        public string? Id { get; set; }

        public string? Kind { get; set; }

        public string? Material { get; set; }

        public decimal? Amount { get; set; }

        public string? Unit { get; set; }

        /// <summary>The line's measured parameters, carried through the form so that saving from the page keeps them.</summary>
        public List<MeasuredRow> Measured { get; set; } = [];

        public bool IsBlank => string.IsNullOrWhiteSpace(Material) && Amount is null && string.IsNullOrWhiteSpace(Id);
    }

    public sealed class MeasuredRow
    {
        /// <summary>The <c>ParameterKind</c> name.</summary>
        public string? Parameter { get; set; }

        public decimal? Value { get; set; }

        public string? Evidence { get; set; }

        public string? Rule { get; set; }
    }

    public sealed class OutputRow
    {
        public string? Kind { get; set; }

        public decimal? Amount { get; set; }

        public string? Unit { get; set; }

        public string? Detail { get; set; }

        public bool IsBlank => Amount is null && string.IsNullOrWhiteSpace(Detail);
    }
}
