namespace OpenEts.Domain.Inclusion;

/// <summary>
/// A carbon-inclusion programme (碳普惠平台, e.g. 抚州绿宝 or the Guangdong provincial 碳普惠) in one version, as data: the
/// behaviours it rewards with their methodologies and coin rules, its caps, when coins appear and lapse, its redemption
/// catalogue, and the PHCER project its verified reductions are filed under. A new rule set is a new version; the version
/// in force on a day is the latest whose <see cref="ValidFrom"/> is on or before it.
/// </summary>
/// <param name="Code">The programme's code, e.g. <c>fuzhou-lvbao</c>.</param>
/// <param name="Version">The version, e.g. <c>2024</c>.</param>
/// <param name="Name">Its Chinese name.</param>
/// <param name="Region">Where it runs (Chinese).</param>
/// <param name="Operator">Who runs it (Chinese).</param>
/// <param name="ValidFrom">The first day this version's rules apply.</param>
/// <param name="Behaviours">The rewarded behaviours (each at most once).</param>
/// <param name="Caps">Its caps.</param>
/// <param name="Timing">When coins appear and lapse.</param>
/// <param name="Catalogue">What coins buy.</param>
/// <param name="PhcerProject">The PHCER project (offsets register code, e.g. <c>GD0001</c>) that verified reductions are filed under, or null when the programme does not file PHCER.</param>
/// <param name="Source">Where the programme's rules come from.</param>
/// <param name="Causes">The public-good causes citizens may give coins to.</param>
/// <param name="PublicMinimum">The smallest group of citizens a published statistic may describe.</param>
/// <param name="Settlement">What the operator pays merchants per coin of a confirmed redemption, or null when the version states none (nothing can then be settled).</param>
public sealed record InclusionProgramme(
    string Code, string Version, string Name, string Region, string Operator, DateOnly ValidFrom, IReadOnlyList<RewardedBehaviour> Behaviours,
    IReadOnlyList<Cap> Caps, CoinTiming Timing, IReadOnlyList<RedemptionItem> Catalogue, string? PhcerProject, string Source,
    IReadOnlyList<DonationCause> Causes, MinimumGroup PublicMinimum, CoinValue? Settlement = null)
{
    /// <summary>The cause with this code (case-insensitive), or null.</summary>
    public DonationCause? Cause(string? code) =>
        Causes.FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary><c>Code-Version</c>, e.g. <c>fuzhou-lvbao-2024</c>.</summary>
    public string Id => Code + "-" + Version;

    /// <summary>The rewarded behaviour, or null when the programme does not reward it.</summary>
    public RewardedBehaviour? Find(Behaviour behaviour)
    {
        // A loop, not LINQ: this runs for every action quantified, and a lambda and an enumerator would allocate each time.
        for (var i = 0; i < Behaviours.Count; i++)
        {
            if (Behaviours[i].Behaviour == behaviour)
            {
                return Behaviours[i];
            }
        }
        return null;
    }

    /// <summary>The catalogue item with this code (case-insensitive), or null.</summary>
    public RedemptionItem? Item(string? code) =>
        Catalogue.FirstOrDefault(i => string.Equals(i.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Every number this version uses that was not read in a source.</summary>
    public IEnumerable<string> Unconfirmed()
    {
        foreach (var b in Behaviours)
        {
            foreach (var p in b.Methodology.Parameters.Where(p => !p.Confirmed))
            {
                yield return $"{b.Methodology.Id}.{p.Name}";
            }
            if (!b.Coins.Confirmed)
            {
                yield return $"coins.{Inclusion.Behaviours.CodeOf(b.Behaviour)}";
            }
        }
        for (var i = 0; i < Caps.Count; i++)
        {
            if (!Caps[i].Confirmed)
            {
                yield return $"caps[{i}]";
            }
        }
        if (!Timing.Confirmed)
        {
            yield return "timing";
        }
        foreach (var item in Catalogue.Where(i => !i.Confirmed))
        {
            yield return $"catalogue.{item.Code}";
        }
        foreach (var cause in Causes.Where(c => !c.Confirmed))
        {
            yield return $"causes.{cause.Code}";
        }
        if (!PublicMinimum.Confirmed)
        {
            yield return "publicStatistics.minimumCitizens";
        }
        if (Settlement is { Confirmed: false })
        {
            yield return "settlement.yuanPerCoin";
        }
    }

    /// <summary>The rules a programme's data must keep, each broken one named by its path; empty when usable.</summary>
    public IReadOnlyList<ProgrammeProblem> Check() => ProgrammeRules.Check(this);
}
