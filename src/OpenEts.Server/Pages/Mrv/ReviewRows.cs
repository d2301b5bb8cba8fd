using OpenEts.Application.Mrv;

namespace OpenEts.Server.Pages.Mrv;

/// <summary>
/// The verifier's review form as posted: one row per line and per production output (the verified amount, prefilled with
/// the reported one, and a reason and evidence), one note per warning, and the conclusion. A row whose amount is
/// unchanged and whose reason is blank is not an adjustment.
/// </summary>
public sealed class ReviewRows
{
    public List<Row> Lines { get; set; } = [];

    /// <summary>One row per production output, by its position in the report.</summary>
    public List<Row> Outputs { get; set; } = [];

    public List<Note> Notes { get; set; } = [];

    public string? Conclusion { get; set; }

    public static ReviewRows From(ReportDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var report = detail.Report;
        var adjusted = report.Verification?.Adjustments.ToDictionary(a => a.LineId, StringComparer.Ordinal) ?? [];
        var noted = report.Verification?.Acknowledgements.ToDictionary(a => a.Warning, StringComparer.Ordinal) ?? [];
        var outputs = report.Verification?.OutputAdjustments.ToDictionary(a => a.Index) ?? [];
        return new ReviewRows
        {
            Lines = [.. report.Lines.Select(l => adjusted.TryGetValue(l.Id, out var a)
                ? new Row { LineId = l.Id, Reported = l.Amount, Amount = a.Amount, Reason = a.Reason, Evidence = a.Evidence }
                : new Row { LineId = l.Id, Reported = l.Amount, Amount = l.Amount })],
            Outputs = [.. report.Outputs.Select((o, i) => outputs.TryGetValue(i, out var a)
                ? new Row { LineId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Reported = o.Amount, Amount = a.Amount, Reason = a.Reason, Evidence = a.Evidence }
                : new Row { LineId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Reported = o.Amount, Amount = o.Amount })],
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
            .Select(x => new OutputAdjustmentForm(x.i, x.o.Amount, x.o.Reason, x.o.Evidence))]);

    public sealed class Row
    {
        public string? LineId { get; set; }

        public decimal? Reported { get; set; }

        public decimal? Amount { get; set; }

        public string? Reason { get; set; }

        public string? Evidence { get; set; }
    }

    public sealed class Note
    {
        public string? Warning { get; set; }

        public string? Text { get; set; }
    }
}
