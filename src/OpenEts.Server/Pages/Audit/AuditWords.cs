using System.Globalization;
using System.Text.Json;
using OpenEts.Server.Localization;
using static OpenEts.Server.Localization.Text;

namespace OpenEts.Server.Pages.Audit;

/// <summary>
/// A journal entry as a reader reads it: its kind's name in the reader's language and its payload as a few labelled
/// fields (quantities in tonnes, money in yuan, times in the display zone). The raw JSON stays on the page beside it.
/// </summary>
public static class AuditWords
{
    /// <summary>
    /// At most this many fields are listed; the rest are in the raw JSON. A forestry monitoring report's species is its 14th
    /// field, a proposed card's trigger a recorded violation's 13th.
    /// </summary>
    public const int MaxFields = 16;

    // Fields the entry's own columns already show, or that only a machine reads (the idempotency key).
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "type", "at", "actor", "key" };

    private static readonly HashSet<string> TonneFields = new(StringComparer.Ordinal)
    {
        "quantity", "tonnes", "volume", "delivered", "sold", "unsold", "awarded", "minimumTake", "filled", "open",
    };

    private static readonly HashSet<string> YuanFields = new(StringComparer.Ordinal)
    {
        "amount", "proceeds", "released", "held", "reserve",
    };

    // Prices and fees the exchange journals in fen (integer minor units); the allowance auction writes yuan.
    private static readonly HashSet<string> FenFields = new(StringComparer.Ordinal)
    {
        "price", "buyerFee", "sellerFee", "clearingPrice", "limitPrice", "protection",
    };

    /// <summary>One labelled field of a payload.</summary>
    public sealed record Field(string Name, string Label, string Value);

    /// <summary>The resource key that names <paramref name="code"/>, or null when none does.</summary>
    public static string? KindKey(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        // Registry events and offsets steps already have names on their own pages; the audit log reuses them.
        string[] keys =
        [
            "audit.kind." + code,
            "reg.event." + code,
            code.StartsWith("offsets.", StringComparison.Ordinal) ? "offsets.step." + code["offsets.".Length..] : "",
        ];
        return keys.FirstOrDefault(k => k.Length > 0 && Has(k));
    }

    /// <summary>The kind's name in the current language; the code itself for a kind with no name.</summary>
    public static string KindName(string code) => KindKey(code) is { } key ? T(key) : code;

    /// <summary>The module's name in the current language.</summary>
    public static string ModuleName(string module) => T("audit.module." + module);

    /// <summary>
    /// The payload's fields, labelled, in the order written: a <c>details</c> object's fields in its place, other objects'
    /// fields labelled with their parent's label; none when the payload is not a JSON object.
    /// </summary>
    public static IReadOnlyList<Field> Fields(string kind, string payload)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var fields = new List<Field>();
        try
        {
            using var json = JsonDocument.Parse(payload);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                Collect(kind, json.RootElement, null, null, null, fields, depth: 0);
            }
        }
        catch (JsonException)
        {
            return [];
        }
        return fields.Count > MaxFields ? fields[..MaxFields] : fields;
    }

    // A carbon-inclusion entry names its programme beside the catalogue items and causes that the programme's data names.
    private static void Collect(string kind, JsonElement obj, string? parent, string? parentName, string? programme, List<Field> fields, int depth)
    {
        if (obj.TryGetProperty("programme", out var named) && named.ValueKind == JsonValueKind.String)
        {
            programme = named.GetString();
        }
        foreach (var p in obj.EnumerateObject())
        {
            if (fields.Count > MaxFields)
            {
                return;
            }
            if (Skipped.Contains(p.Name) || p.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue;
            }
            var label = p.Name == "details" ? parent : Join(parent, Label(kind, parentName, p.Name));
            if (p.Value.ValueKind == JsonValueKind.Object && depth < 2)
            {
                Collect(kind, p.Value, label, p.Name == "details" ? parentName : p.Name, programme, fields, depth + 1);
            }
            else if (Value(kind, p.Name, p.Value, programme) is { Length: > 0 } value)
            {
                fields.Add(new Field(p.Name, label ?? p.Name, value));
            }
        }
    }

    private static string? Join(string? parent, string label) => parent is null ? label : parent + " · " + label;

    // A returned report's or project's "from" is the status it was returned from, not an account; a carbon-inclusion
    // entry's "programme" is a 碳普惠 programme (e.g. fuzhou-lvbao), an offsets entry's the crediting mechanism (CCER). An
    // object keyed by codes (the rules that refused a batch's actions, with their counts) labels each count by its code's name.
    private static string Label(string kind, string? parentName, string name) =>
        (parentName is null ? null : AuditValues.ShowNamed(kind, parentName, name)) is { } named ? named
        : name == "from" && kind.EndsWith(".returned", StringComparison.Ordinal) ? T("audit.field.returnedFrom")
        : name == "programme" && kind.StartsWith("inclusion.", StringComparison.Ordinal) ? T("audit.field.inclusionProgramme")
        : Has("audit.field." + name) ? T("audit.field." + name) : name;

    private static string Value(string kind, string name, JsonElement value, string? programme) => value.ValueKind switch
    {
        JsonValueKind.String => Shown(kind, name, value.GetString() ?? "", programme),
        JsonValueKind.Number => Number(kind, name, value),
        JsonValueKind.True => T("audit.yes"),
        JsonValueKind.False => T("audit.no"),
        JsonValueKind.Array => Items(kind, name, value, programme),
        _ => value.GetRawText(),
    };

    // A code from a fixed set is named (AuditValues); an ISO 8601 instant (with its offset) is shown in the display zone, as
    // every other time on the pages.
    private static string Shown(string kind, string name, string s, string? programme) =>
        AuditValues.ShowNamed(kind, name, s, programme) is { } named ? named
        : s.Length >= 20 && s[4] == '-' && s[10] == 'T'
        && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? DisplayTime.Show(at)
            : s;

    private static string Number(string kind, string name, JsonElement value)
    {
        if (!value.TryGetDecimal(out var n))
        {
            return value.GetRawText();
        }
        if (AuditValues.ShowNumbered(kind, name, n) is { } named)
        {
            return named;
        }
        if (TonneFields.Contains(name))
        {
            return T("audit.tonnes", n.ToString("#,0.###", CultureInfo.InvariantCulture));
        }
        if (FenFields.Contains(name) && kind.StartsWith("exchange.", StringComparison.Ordinal))
        {
            return Yuan(n / 100m);
        }
        return YuanFields.Contains(name) || FenFields.Contains(name) ? Yuan(n) : n.ToString(CultureInfo.InvariantCulture);
    }

    private static string Yuan(decimal yuan) => T("audit.yuan", yuan.ToString("#,0.00", CultureInfo.InvariantCulture));

    // Serial blocks read as ranges; a list of values as a list; a list of records by its count (the JSON holds them).
    private static string Items(string kind, string name, JsonElement array, string? programme)
    {
        var items = array.EnumerateArray().ToList();
        if (items.All(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("first", out _) && i.TryGetProperty("last", out _)))
        {
            return List(items.Select(i => string.Create(CultureInfo.InvariantCulture,
                $"{i.GetProperty("first").GetRawText()}–{i.GetProperty("last").GetRawText()}")));
        }
        return items.Any(i => i.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            ? T("audit.items", items.Count)
            : List(items.Select(i => Value(kind, name, i, programme)));
    }
}
