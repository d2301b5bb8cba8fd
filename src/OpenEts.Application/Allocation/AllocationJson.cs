using System.Text.Json;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;

namespace OpenEts.Application.Allocation;

/// <summary>An <see cref="EntityAllocation"/> as stored and journalled: the calculation with every step, as JSON.</summary>
public static class AllocationJson
{
    private sealed record Document(string Code, string Name, Sector Sector, AllocationStage Stage, decimal Exact, long Total, long Free,
        long Paid, IReadOnlyList<CalculationStep> Steps, IReadOnlyList<string> Notes, IReadOnlyList<CalculationNote>? NoteCodes);

    /// <summary>The calculation as compact JSON.</summary>
    public static string Write(EntityAllocation a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return JsonSerializer.Serialize(new Document(a.Code, a.Name, a.Sector, a.Stage, a.Exact, a.Total.Value, a.Free.Value, a.Paid.Value,
            a.Steps, a.Notes, a.NoteCodes), Compact);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static EntityAllocation Read(string json)
    {
        var d = JsonSerializer.Deserialize<Document>(json, Compact) ?? throw new InvalidOperationException("a stored allocation read as null");
        return new EntityAllocation(d.Code, d.Name, d.Sector, d.Stage, d.Exact, AllowanceCount.From(d.Total), AllowanceCount.From(d.Free),
            AllowanceCount.From(d.Paid), d.Steps) { Notes = d.Notes, NoteCodes = d.NoteCodes ?? [] };
    }

    private static readonly JsonSerializerOptions Compact = new(PlanJson.Options) { WriteIndented = false };
}
