using System.Text.Json;
using System.Text.Json.Serialization;
using OpenEts.Domain.Compliance;

namespace OpenEts.Application.Compliance;

/// <summary>
/// Where compliance reads a jurisdiction's rules for a year. TEMPORARY SOURCE: until the approved allocation plans carry
/// their <c>compliance</c> section (<c>AllocationQueries.ApprovedPlanAsync(jurisdiction, year).Compliance</c>), the
/// rules are the shipped file <c>Compliance/shipped-rules.json</c> (Guangdong 2017; national 2019–2024), each figure
/// with its source and confirmation flag (docs/compliance.md). Nothing else in compliance knows where the rules come
/// from, so switching to the plans changes this class only.
/// </summary>
public sealed class ComplianceRulebook
{
    /// <summary>The jurisdiction pages and the CLI use when none is named: the demo's (Guangdong).</summary>
    public const string DefaultJurisdiction = "GD";

    /// <summary>How plan documents write rules: camelCase, enums by camelCase name.</summary>
    public static readonly JsonSerializerOptions PlanJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly Lazy<List<Shipped>> _shipped;

    /// <summary>The shipped rules.</summary>
    public ComplianceRulebook() => _shipped = new(Load);

    /// <summary>Other rules than the shipped ones (a test's, or a deployment's own), by jurisdiction and year.</summary>
    public ComplianceRulebook(IEnumerable<(string Jurisdiction, int Year, ComplianceRules Rules)> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.Select(r => new Shipped(r.Jurisdiction, r.Year, r.Rules)).ToList();
        _shipped = new(() => list);
    }

    /// <summary>The rules in force for <paramref name="jurisdiction"/> (<c>GD</c>, <c>CN</c>) and <paramref name="year"/>, or null when none.</summary>
    public Task<ComplianceRules?> RulesAsync(string jurisdiction, int year, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(_shipped.Value.FirstOrDefault(r => r.Jurisdiction == jurisdiction && r.Year == year)?.Rules);
    }

    /// <summary>The jurisdictions and years that have rules, newest first.</summary>
    public Task<IReadOnlyList<(string Jurisdiction, int Year)>> YearsAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<(string, int)>>([.. _shipped.Value.OrderByDescending(r => r.Year)
            .ThenBy(r => r.Jurisdiction, StringComparer.Ordinal).Select(r => (r.Jurisdiction, r.Year))]);
    }

    private static List<Shipped> Load()
    {
        using var stream = typeof(ComplianceRulebook).Assembly.GetManifestResourceStream("OpenEts.Application.Compliance.shipped-rules.json")
            ?? throw new InvalidOperationException("The shipped compliance rules are missing from the assembly.");
        var shipped = JsonSerializer.Deserialize<List<Shipped>>(stream, PlanJson)
            ?? throw new InvalidOperationException("The shipped compliance rules are empty.");
        foreach (var s in shipped)
        {
            if (s.Rules.Problems() is { Count: > 0 } problems)
            {
                throw new InvalidOperationException($"Shipped compliance rules {s.Jurisdiction} {s.Year}: {string.Join("; ", problems)}");
            }
        }
        return shipped;
    }

    private sealed record Shipped(string Jurisdiction, int Year, ComplianceRules Rules);
}
