using OpenEts.Application.Mrv;

namespace OpenEts.Server.Pages.Mrv;

/// <summary>
/// The verifier's review form as posted: one row per line and per production output (the verified amount, prefilled with
/// the reported one, and a reason and evidence), one note per warning, and the conclusion. A row whose amount is
/// unchanged and whose reason is blank is not an adjustment. Measured parameters get a row each (the company's measured
/// value, which the verifier may replace), and <see cref="AddedParameters"/> blank rows let the verifier set a parameter the
/// company left at its default.
/// </summary>
public sealed class ReviewRows
{
    public List<Row> Lines { get; set; } = [];

    /// <summary>One row per production output, by its position in the report.</summary>
    public List<Row> Outputs { get; set; } = [];

    /// <summary>One row per measured parameter of a line, and one per parameter the verifier set on a line that used the default.</summary>
    public List<ParameterRow> Parameters { get; set; } = [];

    public List<Note> Notes { get; set; } = [];

    /// <summary>How many blank parameter rows the form offers for parameters the company left at their defaults.</summary>
    public const int AddedParameters = 2;

    public string? Conclusion { get; set; }

    public static ReviewRows From(ReportDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var report = detail.Report;
        var adjusted = report.Verification?.Adjustments.ToDictionary(a => a.LineId, StringComparer.Ordinal) ?? [];
        var noted = report.Verification?.Acknowledgements.ToDictionary(a => a.Warning, StringComparer.Ordinal) ?? [];
        var outputs = report.Verification?.OutputAdjustments.ToDictionary(a => a.Index) ?? [];
        var parameters = report.Verification?.ParameterAdjustments ?? [];
        var measured = report.Lines.SelectMany(l => l.Measured.Select(m => (Line: l.Id, m.Parameter, Reported: (decimal?)m.Value))).ToList();
        var set = parameters.Where(p => !measured.Any(m => m.Line == p.LineId && m.Parameter == p.Parameter))
            .Select(p => (Line: p.LineId, p.Parameter, Reported: (decimal?)null));
        return new ReviewRows
        {
            Lines = [.. report.Lines.Select(l => adjusted.TryGetValue(l.Id, out var a)
                ? new Row { LineId = l.Id, Reported = l.Amount, Amount = a.Amount, Reason = a.Reason, Evidence = a.Evidence }
                : new Row { LineId = l.Id, Reported = l.Amount, Amount = l.Amount })],
            Outputs = [.. report.Outputs.Select((o, i) => outputs.TryGetValue(i, out var a)
                ? new Row { LineId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Reported = o.Amount, Amount = a.Amount, Reason = a.Reason, Evidence = a.Evidence }
                : new Row { LineId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Reported = o.Amount, Amount = o.Amount })],
            Parameters = [.. measured.Concat(set).Select(m =>
                {
                    var a = parameters.FirstOrDefault(p => p.LineId == m.Line && p.Parameter == m.Parameter);
                    return new ParameterRow
                    {
                        LineId = m.Line, Parameter = m.Parameter.ToString(), Reported = m.Reported, Value = a?.Value ?? m.Reported,
                        Reason = a?.Reason, Evidence = a?.Evidence,
                    };
                }).Concat(Enumerable.Range(0, AddedParameters).Select(_ => new ParameterRow()))],
            Notes = [.. MrvReview.Warnings(detail.Reported).Select(MrvReview.WarningKey).Distinct(StringComparer.Ordinal)
                .Select(k => new Note { Warning = k, Text = noted.GetValueOrDefault(k)?.Note })],
            Conclusion = report.Verification?.Conclusion,
        };
    }

    public RecordVerification.Form ToForm(long report) => new(report,
        [.. Lines.Where(l => l.Amount != l.Reported || !string.IsNullOrWhiteSpace(l.Reason))
            .Select(l => new AdjustmentForm(l.LineId, l.Amount, l.Reason, l.Evidence))],
        [.. Notes.Select(n => new AcknowledgementForm(n.Warning, n.Text))], Conclusion,
        [.. Outputs.Select((o, i) => (o, i)).Where(x => x.o.Amount != x.o.Reported || !string.IsNullOrWhiteSpace(x.o.Reason))
            .Select(x => new OutputAdjustmentForm(x.i, x.o.Amount, x.o.Reason, x.o.Evidence))],
        [.. Parameters.Where(p => p.IsAdjustment).Select(p => new ParameterAdjustmentForm(p.LineId, p.Parameter, p.Value, p.Reason, p.Evidence))]);

    public sealed class Row
    {
        public string? LineId { get; set; }

        public decimal? Reported { get; set; }

        public decimal? Amount { get; set; }

        public string? Reason { get; set; }

        public string? Evidence { get; set; }
    }

    public sealed class ParameterRow
    {
        public string? LineId { get; set; }

        /// <summary>The <c>ParameterKind</c> name.</summary>
        public string? Parameter { get; set; }

        /// <summary>The company's measured value; none where the line used the default.</summary>
        public decimal? Reported { get; set; }

        public decimal? Value { get; set; }

        public string? Reason { get; set; }

        public string? Evidence { get; set; }

        /// <summary>
        /// A row the verifier changed: a measured value replaced or explained, or a blank row filled in. A blank row with
        /// a line or a parameter chosen but no value is sent too, so that the missing value is named rather than dropped.
        /// </summary>
        public bool IsAdjustment => Reported is { } reported
            ? Value != reported || !string.IsNullOrWhiteSpace(Reason)
            : !string.IsNullOrWhiteSpace(LineId) || !string.IsNullOrWhiteSpace(Parameter) || Value is not null || !string.IsNullOrWhiteSpace(Reason);
    }

    public sealed class Note
    {
        public string? Warning { get; set; }

        public string? Text { get; set; }
    }
}
