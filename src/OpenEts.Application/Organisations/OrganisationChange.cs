using System.Text.Json;
using System.Text.Json.Nodes;
using OpenEts.Domain.Journal;

namespace OpenEts.Application.Organisations;

/// <summary>
/// One entry of an organisation's history, field by field: what each field was before and became after. A creation has
/// no <c>Before</c>; only the fields that changed are listed for an edit (every field for a creation).
/// </summary>
/// <param name="Kind">The journal kind: <c>entity.created</c> or <c>entity.updated</c>.</param>
/// <param name="Source">Where the change came from when not a form: <c>import</c>, <c>demo</c>; null otherwise.</param>
public sealed record OrganisationChange(long Sequence, DateTimeOffset At, string Actor, string Kind, string? Source,
    IReadOnlyList<FieldChange> Changes)
{
    /// <summary>The fields of an organisation in the order a change lists them (the journal's camelCase names).</summary>
    public static IReadOnlyList<string> Fields { get; } = ["code", "name", "kind", "sector", "region", "status", "jurisdiction"];

    // Fields whose values are enum names: written in camelCase, as the API writes enums.
    private static readonly HashSet<string> EnumFields = new(StringComparer.Ordinal) { "kind", "sector", "status" };

    /// <summary>Reads an organisation's journal entry (its payload holds <c>before</c> and <c>after</c> objects).</summary>
    public static OrganisationChange From(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        JsonObject? payload = null;
        try
        {
            payload = JsonNode.Parse(entry.Payload) as JsonObject;
        }
        catch (JsonException)
        {
            // Not an organisation payload: shown with no field changes.
        }
        var before = payload?["before"] as JsonObject;
        var after = payload?["after"] as JsonObject;
        var changes = new List<FieldChange>();
        foreach (var field in Fields)
        {
            var was = Value(before, field);
            var now = Value(after, field);
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, was, now));
            }
        }
        var source = payload?["source"] is JsonValue s && s.TryGetValue<string>(out var text) ? text : null;
        return new OrganisationChange(entry.Sequence, entry.At, entry.Actor, entry.Kind, source, changes);
    }

    private static string? Value(JsonObject? o, string field)
    {
        if (o?[field] is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            return null;
        }
        return EnumFields.Contains(field) ? JsonNamingPolicy.CamelCase.ConvertName(text) : text;
    }
}
