namespace OpenEts.Domain.Compliance;

/// <summary>
/// A plan's compliance rules (履约规则) for one jurisdiction and compliance year: which allowances count, the offset
/// rules (抵销规则), the surrender deadline (清缴期限) and the penalties. Plain data: the allocation plan document carries
/// it as its <c>compliance</c> section (System.Text.Json, camelCase), and <c>Domain/Compliance</c> evaluates it.
/// </summary>
/// <param name="AllowanceJurisdiction">
/// The jurisdiction whose allowances count (<c>GD</c>, or <c>CN</c> for the national market); an allowance of a vintage
/// later than the compliance year never counts (national-ets.md §2.4).
/// </param>
/// <param name="SurrenderDeadline">
/// The last day (Beijing time, inclusive) to surrender for the year, e.g. 2018-06-20 for Guangdong 2017
/// (guangdong.md §1.4a).
/// </param>
/// <param name="Offsets">The offset rules.</param>
/// <param name="Penalties">What a shortfall at the deadline costs.</param>
/// <param name="Sources">
/// Where each figure comes from, by field path (e.g. <c>offsets.maxShareOfEmissions</c>), with its confirmation flag;
/// pages and exports show a figure whose source is unconfirmed as unconfirmed.
/// </param>
public sealed record ComplianceRules(
    string AllowanceJurisdiction,
    DateOnly SurrenderDeadline,
    OffsetRules Offsets,
    PenaltyRules Penalties,
    IReadOnlyList<RuleSource> Sources)
{
    /// <summary>True when the source of the figure at <paramref name="field"/> is unconfirmed or not given.</summary>
    public bool IsUnconfirmed(string field) =>
        Sources.FirstOrDefault(s => string.Equals(s.Field, field, StringComparison.Ordinal)) is not { Confirmed: true };

    /// <summary>What is wrong with these rules as data (shares outside 0–1, negative amounts); empty when they can be evaluated.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (AllowanceJurisdiction is not { Length: 2 } j || !char.IsAsciiLetterUpper(j[0]) || !char.IsAsciiLetterUpper(j[1]))
        {
            problems.Add("allowanceJurisdiction: two upper-case letters, e.g. GD or CN");
        }
        if (Offsets is null || Penalties is null || Sources is null)
        {
            problems.Add("offsets, penalties and sources are required");
            return problems;
        }
        Offsets.AddProblems(problems);
        Penalties.AddProblems(problems);
        return problems;
    }
}
