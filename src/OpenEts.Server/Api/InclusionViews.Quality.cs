using OpenEts.Application.Forms;
using OpenEts.Application.Inclusion;

namespace OpenEts.Server.Api;

internal static partial class InclusionViews
{
    /// <summary>
    /// One counter: events of a partner's batches received on a Beijing day, by outcome (<c>Counted</c>,
    /// <c>CountedInAggregatedPeriod</c>, <c>CountedCoinsCut</c>, or the rejecting rule).
    /// </summary>
    public sealed record QualityCountView(string Day, long Partner, string Programme, string Outcome, long Events);

    /// <summary>A partner's line: events accepted and rejected (by reason) and the rejection rate in percent.</summary>
    public sealed record PartnerQualityView(long Partner, string Name, string Programme, long Accepted, long Rejected, decimal RejectedPercent,
        IReadOnlyDictionary<string, long> RejectedBy);

    /// <summary>The quality dashboard: the span, the totals, a line per partner and every counter.</summary>
    public sealed record QualityView(string? Programme, string From, string To, long Accepted, long Rejected, decimal RejectedPercent,
        IReadOnlyList<PartnerQualityView> Partners, IReadOnlyList<QualityCountView> Counts);

    public static QualityView Quality(QualityDashboard d) => new(d.Programme, FieldReader.DayText(d.From), FieldReader.DayText(d.To), d.Accepted, d.Rejected,
        QualityDashboard.RatePercent(d.Accepted, d.Rejected),
        [.. d.ByPartner.Select(p => new PartnerQualityView(p.Partner, p.Name, p.Programme, p.Accepted, p.Rejected, p.RatePercent, p.RejectedBy))],
        [.. d.Rows.Select(r => new QualityCountView(FieldReader.DayText(r.Day), r.Partner, r.Programme, r.Outcome, r.Events))]);

}
