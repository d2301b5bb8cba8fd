using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OpenEts.Domain.Organisations;

namespace OpenEts.Server.Api;

/// <summary>
/// Says which field of a JSON request body System.Text.Json refused, and by which of its rules: <c>Json.Syntax</c> (not
/// JSON), <c>Json.UnknownField</c>, <c>Json.DuplicateKey</c>, <c>Json.Null</c> (null where a value is required),
/// <c>Json.Required</c> (a field left out), <c>Json.Type</c> (a value of the wrong kind: a string for a number, 1.5 for
/// a whole number, a date that is not a date), <c>Json.TooLarge</c> (a number beyond the field's range: 2^63 for a whole
/// number, 1e30 for a decimal). A field inside a list is named with its position (<c>lines[2].amount</c>,
/// <c>readings[2].value</c>), as the use cases name it.
/// </summary>
/// <remarks>
/// The serializer does the reading, with the API's strict options; this only names what it refused. The path of its
/// <see cref="JsonException"/> gives the field, the inner exception tells a syntax error from a value it could not
/// convert, and for the rest the body is looked at as a <see cref="JsonDocument"/> at that path (a second name, a null,
/// a missing member) against the request type's contract.
/// </remarks>
internal static class JsonBodyErrors
{
    /// <summary>The field named for the body as a whole (an empty body, an array where an object belongs).</summary>
    public const string Body = "body";

    public static IReadOnlyList<FieldError> Describe(JsonException exception, Type? requestType, JsonSerializerOptions options,
        ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(options);
        var path = Segments(exception.Path);
        if (exception.InnerException is JsonException)
        {
            var name = FieldName(path);
            return [new FieldError(name, "Json.Syntax", $"{name}: the body is not valid JSON (line {exception.LineNumber + 1}, "
                + $"byte {exception.BytePositionInLine + 1})")];
        }
        var (parent, member, target) = Resolve(requestType, options, path);
        var element = Locate(body, path, options, out var occurrences);
        // A value the body gave is named with its array positions (lines[2].amount), as the use cases name a bad value in a
        // list, so that the sender of a report's lines or a batch's rows finds it.
        var at = Located(path);
        if (exception.InnerException is FormatException or InvalidOperationException)
        {
            if (element is { ValueKind: JsonValueKind.Number } number && TooLarge(number, target))
            {
                var text = number.GetRawText();
                return [new FieldError(at, "Json.TooLarge", $"{at}: {text} is too large (expected {Expected(target)})") { Figures = [text] }];
            }
            return element is { ValueKind: JsonValueKind.Null }
                ? [new FieldError(at, "Json.Null", $"{at}: may not be null (expected {Expected(target)})")]
                : [TypeError(at, FieldName(path), target, element)];
        }
        var field = at;
        if (path.Count > 0 && path[^1] is string && parent?.Kind == JsonTypeInfoKind.Object && member is null)
        {
            var known = string.Join(", ", parent.Properties.Select(p => p.Name));
            return [new FieldError(field, "Json.UnknownField", $"{field}: no such field (this object takes {known})")];
        }
        if (member is not null && element is { ValueKind: JsonValueKind.Null } && !AllowsNull(member))
        {
            return [new FieldError(field, "Json.Null", $"{field}: may not be null (expected {Expected(target)})")];
        }
        if (occurrences > 1)
        {
            return [new FieldError(field, "Json.DuplicateKey", $"{field}: given more than once")];
        }
        if (target?.Kind == JsonTypeInfoKind.Object && element is { ValueKind: JsonValueKind.Object } obj)
        {
            var missing = target.Properties.Where(p => p.IsRequired && !Has(obj, p.Name, options)).ToList();
            if (missing.Count > 0)
            {
                var prefix = field == Body ? "" : field + ".";
                return [.. missing.Select(p => new FieldError(prefix + p.Name, "Json.Required", $"{prefix}{p.Name} is required"))];
            }
        }
        return [TypeError(field, FieldName(path), target, element)];
    }

    // A value of the wrong kind; an array where one string belongs said so (a list field of the API written as text, such
    // as a partner's behaviours "walking,cycling", is easily sent as a JSON array), named by the field (the array is all of it).
    private static FieldError TypeError(string field, string name, JsonTypeInfo? target, JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } && target?.Type == typeof(string)
            ? new FieldError(name, "Json.ArrayForText", $"{name}: expected one string, not an array (a list here is one string, items separated by commas)")
            : new FieldError(field, "Json.Type", $"{field}: expected {Expected(target)}");

    // "$.serials.first" → ["serials", "first"]; "$.representatives[1]" → ["representatives", 1]; "$['odd name']" → ["odd name"].
    private static List<object> Segments(string? path)
    {
        var segments = new List<object>();
        var text = path ?? "$";
        var i = text.StartsWith('$') ? 1 : 0;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var end = text.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? text.Length : end;
                segments.Add(text[(i + 1)..end]);
                i = end;
            }
            else if (text.AsSpan(i).StartsWith("['", StringComparison.Ordinal))
            {
                var end = text.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end;
                segments.Add(text[(i + 2)..end]);
                i = end + 2;
            }
            else if (text[i] == '[')
            {
                var end = text.IndexOf(']', i);
                end = end < 0 ? text.Length : end;
                segments.Add(int.TryParse(text.AsSpan(i + 1, end - i - 1), System.Globalization.CultureInfo.InvariantCulture, out var index)
                    ? index : text[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                break;
            }
        }
        return segments;
    }

    // The field by its member names, dotted, array positions left out (representatives, not representatives[1]): a body
    // that is not JSON, or an array given for one string.
    private static string FieldName(List<object> path)
    {
        var names = path.OfType<string>().Select(Printable).ToList();
        return names.Count == 0 ? Body : string.Join('.', names);
    }

    // The field with its array positions (readings[2].value): where in a list the bad value is.
    private static string Located(List<object> path) =>
        path.Count == 0 ? Body : string.Concat(path.Select((s, i) => s is int n ? $"[{n}]" : (i == 0 ? "" : ".") + Printable((string)s)));

    // A whole number beyond a whole-number field's range, or any number beyond a decimal's (±7.9e28).
    private static bool TooLarge(JsonElement number, JsonTypeInfo? target)
    {
        var type = target?.Type is { } t ? Nullable.GetUnderlyingType(t) ?? t : null;
        if (!number.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            return false;
        }
        return type == typeof(decimal) ? !number.TryGetDecimal(out _)
            : type == typeof(long) || type == typeof(int) ? value == Math.Floor(value) && (type == typeof(long) ? !number.TryGetInt64(out _) : !number.TryGetInt32(out _))
            : false;
    }

    // A name from the request may hold anything; keep what a person can read in an error.
    private static string Printable(string name)
    {
        var text = new StringBuilder(Math.Min(name.Length, 64));
        foreach (var c in name.Take(64))
        {
            text.Append(char.IsControl(c) ? '?' : c);
        }
        return text.ToString();
    }

    // Walks the request type's contract along the path: the object holding the last member, that member, and its type.
    private static (JsonTypeInfo? Parent, JsonPropertyInfo? Member, JsonTypeInfo? Target) Resolve(
        Type? requestType, JsonSerializerOptions options, List<object> path)
    {
        if (requestType is null)
        {
            return (null, null, null);
        }
        JsonTypeInfo? parent = null;
        JsonPropertyInfo? member = null;
        var current = options.GetTypeInfo(requestType);
        foreach (var segment in path)
        {
            if (segment is string name && current.Kind == JsonTypeInfoKind.Object)
            {
                parent = current;
                member = current.Properties.FirstOrDefault(p => NameMatches(p.Name, name, options));
                if (member is null)
                {
                    return (parent, null, null);
                }
                current = options.GetTypeInfo(member.PropertyType);
            }
            else if (segment is int && current.Kind == JsonTypeInfoKind.Enumerable && current.ElementType is { } element)
            {
                parent = null;
                member = null;
                current = options.GetTypeInfo(element);
            }
            else
            {
                return (parent, member, null);
            }
        }
        return (parent, member, current);
    }

    private static bool NameMatches(string contract, string given, JsonSerializerOptions options) =>
        string.Equals(contract, given, options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static bool AllowsNull(JsonPropertyInfo member) => member.AssociatedParameter?.IsNullable ?? member.IsSetNullable;

    private static bool Has(JsonElement obj, string name, JsonSerializerOptions options) =>
        obj.EnumerateObject().Any(p => NameMatches(name, p.Name, options));

    // The element at the path in the body (the first of repeated names), and how often its name occurs in its object.
    private static JsonElement? Locate(ReadOnlyMemory<byte> body, List<object> path, JsonSerializerOptions options, out int occurrences)
    {
        occurrences = 0;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null; // Broken further on than where the serializer stopped: nothing more to say.
        }
        using (document)
        {
            JsonElement? current = document.RootElement;
            occurrences = 1;
            foreach (var segment in path)
            {
                if (segment is string name && current is { ValueKind: JsonValueKind.Object } obj)
                {
                    var matches = obj.EnumerateObject().Where(p => NameMatches(name, p.Name, options)).ToList();
                    occurrences = matches.Count;
                    current = matches.Count > 0 ? matches[0].Value : null;
                }
                else if (segment is int index && current is { ValueKind: JsonValueKind.Array } array && index < array.GetArrayLength())
                {
                    occurrences = 1;
                    current = array[index];
                }
                else
                {
                    return null;
                }
            }
            return current?.Clone();
        }
    }

    private static string Expected(JsonTypeInfo? target)
    {
        var type = target?.Type is { } t ? Nullable.GetUnderlyingType(t) ?? t : null;
        return type switch
        {
            null => "a value this request takes",
            _ when type == typeof(long) => $"a whole number from {long.MinValue} to {long.MaxValue}",
            _ when type == typeof(int) => $"a whole number from {int.MinValue} to {int.MaxValue}",
            _ when type == typeof(decimal) => "a number",
            _ when type == typeof(string) => "a string",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a date and time (ISO 8601, e.g. 2025-06-30T00:00:00+08:00)",
            _ when target!.Kind == JsonTypeInfoKind.Enumerable => "an array",
            _ when target!.Kind is JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
            _ => "a value of type " + type.Name,
        };
    }
}
