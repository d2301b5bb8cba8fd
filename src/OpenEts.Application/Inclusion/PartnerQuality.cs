namespace OpenEts.Application.Inclusion;

/// <summary>One partner's line of the quality dashboard: events accepted, and rejected by reason.</summary>
/// <param name="Partner">The partner's id (<see cref="QualityCount.Direct"/>: a citizen's or the regulator's own recording).</param>
/// <param name="Name">The partner's name (empty for <see cref="QualityCount.Direct"/>).</param>
/// <param name="Programme">The programme.</param>
/// <param name="Accepted">Events counted.</param>
/// <param name="RejectedBy">Events rejected, by reason.</param>
public sealed record PartnerQuality(long Partner, string Name, string Programme, long Accepted, IReadOnlyDictionary<string, long> RejectedBy)
{
    /// <summary>Events rejected in all.</summary>
    public long Rejected => RejectedBy.Values.Sum();

    /// <summary>Rejected ÷ received, in percent.</summary>
    public decimal RatePercent => QualityDashboard.RatePercent(Accepted, Rejected);
}
