using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenEts.Domain.Registry;

/// <summary>
/// Registry events to and from JSON (System.Text.Json only), for the journal's payload. Property names are camelCase;
/// the first property, <c>type</c>, names the event (e.g. <c>registry.transfer.executed</c>, also usable as the
/// journal entry's kind); unit classes, account numbers, user ids and keys are strings; serial blocks are
/// <c>{"first":1,"last":1000}</c>; times are ISO 8601 with offset.
/// </summary>
public static class RegistryEventJson
{
    /// <summary>The options used: camelCase, enums as camelCase strings, compact.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false), new AllowanceCountJsonConverter() },
        WriteIndented = false,
    };

    /// <summary>The event as one line of JSON.</summary>
    public static string Serialize(RegistryEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return JsonSerializer.Serialize(e, Options);
    }

    /// <summary>Reads an event written by <see cref="Serialize"/>; throws <see cref="JsonException"/> on bad input.</summary>
    public static RegistryEvent Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<RegistryEvent>(json, Options)
            ?? throw new JsonException("The JSON holds no registry event.");
    }

    // Read once: the attribute lookup behind it resolves type names by reflection (tens of microseconds a call).
    private static readonly FrozenDictionary<Type, string> Kinds = typeof(RegistryEvent)
        .GetCustomAttributes(typeof(JsonDerivedTypeAttribute), false)
        .Cast<JsonDerivedTypeAttribute>()
        .ToFrozenDictionary(d => d.DerivedType, d => (string)d.TypeDiscriminator!);

    /// <summary>The event's type name as written in <c>type</c>, e.g. <c>registry.units.issued</c>.</summary>
    public static string KindOf(RegistryEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Kinds.TryGetValue(e.GetType(), out var kind)
            ? kind
            : throw new InvalidOperationException($"{e.GetType().Name} has no JSON type name.");
    }
}
