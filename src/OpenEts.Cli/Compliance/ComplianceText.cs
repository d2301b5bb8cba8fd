using System.Globalization;
using System.Text;
using OpenEts.Application.Compliance;
using OpenEts.Domain.Compliance;

namespace OpenEts.Cli.Compliance;

/// <summary>A compliance year as plain text: the summary with each unconfirmed rule flagged, and one line per entity.</summary>
internal static class ComplianceText
{
    /// <summary>The summary and every entity not compliant; with <paramref name="penalties"/>, each one's penalty once the deadline has passed.</summary>
    public static string Status(ComplianceList list, bool penalties)
    {
        var text = new StringBuilder(Summary(list));
        var owing = list.Rows.Where(r => r.Standing.Status != ComplianceStatus.Compliant).ToList();
        if (owing.Count == 0)
        {
            return text.Append("every entity is compliant\n").ToString();
        }
        text.Append(Invariant($"{"entity",-20} {"owed (t)",12} {"surrendered",12} {"still owed",12}  status\n"));
        foreach (var r in owing)
        {
            var s = r.Standing;
            text.Append(Invariant($"{r.Entity.Value,-20} {s.Required,12:N0} {s.Surrendered,12:N0} {s.Remaining,12:N0}  {StatusWord(s)}"));
            if (penalties && s.Penalty is { } p)
            {
                text.Append(Invariant($"  penalty: {p.Deduction:N0} t deducted from next year's allocation, fine {(p.FineYuanMin == p.FineYuanMax ? Invariant($"{p.FineYuanMin:N0}") : Invariant($"{p.FineYuanMin:N0}–{p.FineYuanMax:N0}"))} yuan"))
                    .Append(p.PriceMissing ? " (price-based part left out: no reference price)" : "")
                    .Append(list.Rules.IsUnconfirmed("penalties.deductionMultiple") ? " [UNCONFIRMED]" : "");
            }
            text.Append("  ").Append(r.Name).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The summary and every entity's line, in code order.</summary>
    public static string List(ComplianceList list)
    {
        var text = new StringBuilder(Summary(list));
        text.Append(Invariant($"{"entity",-20} {"sector",-13} {"approved (t)",16} {"owed",12} {"allowances",12} {"offsets",10} {"still owed",12}  status\n"));
        foreach (var r in list.Rows)
        {
            var s = r.Standing;
            text.Append(Invariant($"{r.Entity.Value,-20} {r.Sector.ToString().ToLowerInvariant(),-13} {s.Approved.Value,16:N3} {s.Required,12:N0} "))
                .Append(Invariant($"{s.Allowances,12:N0} {s.Offsets,10:N0} {s.Remaining,12:N0}  {StatusWord(s)}  {r.Name}\n"));
        }
        return text.ToString();
    }

    private static string Summary(ComplianceList list)
    {
        var rules = list.Rules;
        var text = new StringBuilder();
        text.Append(Invariant($"{list.Jurisdiction} {list.Year}: {CliText.Count(list.Rows.Count, "entity", "entities")}; compliant {list.Count(ComplianceStatus.Compliant)}, "))
            .Append(Invariant($"short {list.Count(ComplianceStatus.Short)}, late {list.Count(ComplianceStatus.Late)}; "))
            .Append(Invariant($"compliance rate {list.CompliantShare * 100m:0.#} %\n"));
        text.Append(Invariant($"deadline {rules.SurrenderDeadline:yyyy-MM-dd}{Flag(rules, "surrenderDeadline")}; "))
            .Append(Invariant($"offsets up to {rules.Offsets.MaxShareOfEmissions * 100m:0.#} % of emissions{Flag(rules, "offsets.maxShareOfEmissions")}"));
        if (rules.Offsets.ProvinceTotalCap is { } cap)
        {
            text.Append(Invariant($"; the province's offsets {list.ProvinceOffsets:N0} of {cap:N0} t{Flag(rules, "offsets.provinceTotalCap")}"));
        }
        text.Append('\n');
        var unconfirmed = rules.Sources.Count(s => !s.Confirmed);
        if (unconfirmed > 0)
        {
            text.Append(CliText.Count(unconfirmed, "rule", "rules")).Append(unconfirmed == 1 ? " of this year is" : " of this year are").Append(" [UNCONFIRMED]: ")
                .AppendJoin(", ", rules.Sources.Where(s => !s.Confirmed).Select(s => s.Field)).Append('\n');
        }
        return text.ToString();
    }

    private static string StatusWord(EntityCompliance s) => s.Status switch
    {
        ComplianceStatus.Compliant => "compliant",
        ComplianceStatus.Late => "late",
        _ => s.PastDeadline ? "short (past the deadline)" : "short",
    };

    private static string Flag(ComplianceRules rules, string field) => rules.IsUnconfirmed(field) ? " [UNCONFIRMED]" : "";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
