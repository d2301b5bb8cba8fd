using System.Globalization;
using OpenEts.Application.Files;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Text;

namespace OpenEts.Application.Mrv.Files;

/// <summary>Reads one row of a report sheet at a time into a line or an output, adding each problem to the errors.</summary>
internal sealed class RowReader(HeaderMap map, string sheet, List<ReportFileError> errors)
{
    private int _row;
    private IReadOnlyList<string> _cells = [];

    public void Start(int row, IReadOnlyList<string> cells)
    {
        _row = row;
        _cells = cells;
    }

    public string Text(HeaderColumn column) => map.Cell(_cells, column.Field)?.Trim() ?? "";

    public void Fail(HeaderColumn column, string rule, string message) =>
        errors.Add(new ReportFileError(sheet, _row, map.ColumnOf(column.Field), map.HeaderOf(column.Field), rule, message));

    /// <summary>A bad cell whose sentence names figures (the value found): they go with the error.</summary>
    public void FailOf(HeaderColumn column, string rule, FormattableString message) =>
        errors.Add(new ReportFileError(sheet, _row, map.ColumnOf(column.Field), map.HeaderOf(column.Field), rule, Figures.Sentence(message))
        {
            Figures = Figures.Of(message),
        });

    public ReportLine? Line(SourceKind kind)
    {
        var before = errors.Count;
        var id = Text(ReportColumns.Id) is { Length: > 0 } given ? given : string.Create(CultureInfo.InvariantCulture, $"R{_row}");
        var measured = new List<MeasuredValue>();
        var evidence = Text(ReportColumns.Evidence);
        var rule = Text(ReportColumns.Rule);
        foreach (var (column, parameter) in ReportColumns.Measured)
        {
            if (Text(column).Length > 0 && Number(column, MrvLimits.MaxMeasured) is { } value)
            {
                measured.Add(new MeasuredValue(parameter, value, evidence, rule));
            }
        }
        var amountText = Text(ReportColumns.Amount);
        if (amountText.Length == 0)
        {
            if (measured.Count > 0)
            {
                Fail(ReportColumns.Amount, "MissingAmount", "a line with measured values needs its amount");
            }
            return null;
        }
        var amount = Number(ReportColumns.Amount, MrvLimits.MaxAmount);
        if (measured.Count > 0 && evidence.Length == 0)
        {
            Fail(ReportColumns.Evidence, "MissingEvidence", "a measured value names its evidence (a lab report number or document)");
        }
        if (measured.Count > 0 && rule.Length == 0)
        {
            Fail(ReportColumns.Rule, "MissingRule", "a measured value names the measurement rule it satisfies (e.g. GB/T 213, per batch)");
        }
        var unit = Unit();
        var material = Text(ReportColumns.Material);
        if (material.Length == 0 && kind is SourceKind.FuelCombustion or SourceKind.Calcination or SourceKind.CarbonateUse
                or SourceKind.Desulfurisation)
        {
            Fail(ReportColumns.Material, "MissingMaterial", "a fuel or carbonate line names its fuel or carbonate");
        }
        return errors.Count > before || amount is not { } a || unit is not { } u
            ? null
            : new ReportLine(id, kind, material, a, u, measured);
    }

    public ProductionOutput? Output(OutputKind kind)
    {
        var before = errors.Count;
        if (Text(ReportColumns.Amount).Length == 0)
        {
            return null;
        }
        var amount = Number(ReportColumns.Amount, MrvLimits.MaxAmount);
        var unit = Unit();
        var detail = Text(ReportColumns.Material);
        if (amount is { } typed && unit is { } stated)
        {
            foreach (var (part, rule, message) in OutputRules.Broken(kind, typed, stated, detail))
            {
                Fail(part switch { OutputPart.Unit => ReportColumns.Unit, OutputPart.Detail => ReportColumns.Material, _ => ReportColumns.Amount }, rule, message);
            }
        }
        return errors.Count > before || amount is not { } a || unit is not { } v
            ? null
            : new ProductionOutput(kind, a, v, detail.Length == 0 ? null : detail);
    }

    // A decimal as typed: invariant culture, optional sign, exponent and thousands separators; "82%" is 0.82. Beyond
    // ±max (MrvLimits) it is refused, as is a number too large for a decimal.
    private decimal? Number(HeaderColumn column, decimal max)
    {
        var text = Text(column);
        var percent = text.EndsWith('%');
        if (percent)
        {
            text = text[..^1].TrimEnd();
        }
        const NumberStyles styles = NumberStyles.Float | NumberStyles.AllowThousands;
        if (decimal.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) && Math.Abs(percent ? value / 100m : value) <= max)
        {
            return percent ? value / 100m : value;
        }
        if (value != 0 || double.TryParse(text, styles, CultureInfo.InvariantCulture, out var large) && !double.IsNaN(large))
        {
            FailOf(column, "TooLarge", $"'{Text(column)}' is more than {max:N0}, the largest accepted");
            return null;
        }
        FailOf(column, "BadNumber", $"'{Text(column)}' is not a number");
        return null;
    }

    private MeasureUnit? Unit()
    {
        var text = Text(ReportColumns.Unit);
        if (MeasureUnits.TryParse(text, out var unit))
        {
            return unit;
        }
        if (text.Length == 0)
        {
            Fail(ReportColumns.Unit, "MissingUnit", "every amount has its unit (t, 10^4Nm3, MWh, GJ, t·km)");
        }
        else
        {
            FailOf(ReportColumns.Unit, "UnknownUnit", $"'{text}' is not a unit this platform knows");
        }
        return null;
    }
}
