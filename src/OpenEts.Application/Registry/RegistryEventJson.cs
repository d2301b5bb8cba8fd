using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// Registry events to and from JSON (System.Text.Json only), for the journal's payload. Property names are camelCase;
/// the first property, <c>type</c>, names the event (e.g. <c>registry.transfer.executed</c>, also usable as the
/// journal entry's kind); unit classes, account numbers, user ids and keys are strings; serial blocks are
/// <c>{"first":1,"last":1000}</c>; times are ISO 8601 with offset. The domain types carry no JSON attributes: this
/// class is the whole format.
/// </summary>
public static class RegistryEventJson
{
    // The events' names, written as "type" and used as the journal entry's kind. Journals already hold these names:
    // never rename one; a new event type adds a row.
    private static readonly (Type Type, string Kind)[] EventKinds =
    [
        (typeof(RegistryInitialised), "registry.initialised"),
        (typeof(AccountOpened), "registry.account.opened"),
        (typeof(AccountStateChanged), "registry.account.state-changed"),
        (typeof(RepresentativeAdded), "registry.account.representative-added"),
        (typeof(RepresentativeRemoved), "registry.account.representative-removed"),
        (typeof(UnitsIssued), "registry.units.issued"),
        (typeof(UnitsAllocated), "registry.units.allocated"),
        (typeof(TransferProposed), "registry.transfer.proposed"),
        (typeof(UnitsTransferred), "registry.transfer.executed"),
        (typeof(TransferRejected), "registry.transfer.rejected"),
        (typeof(ProposalExpired), "registry.transfer.expired"),
        (typeof(UnitsSurrendered), "registry.units.surrendered"),
        (typeof(UnitsCancelled), "registry.units.cancelled"),
        (typeof(UnitsCorrected), "registry.units.corrected"),
        (typeof(OffsetClassDefined), "registry.offsets.class-defined"),
        (typeof(OffsetsIssued), "registry.offsets.issued"),
        (typeof(UnitsRetired), "registry.units.retired"),
        (typeof(UnitsCleared), "registry.units.cleared"),
    ];

    private static readonly FrozenDictionary<Type, string> Kinds = EventKinds.ToFrozenDictionary(k => k.Type, k => k.Kind);

    /// <summary>The options used: camelCase, enums as camelCase strings, the registry's value types as text, compact. Read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The event as one line of JSON.</summary>
    public static string Serialize(RegistryEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return JsonSerializer.Serialize(e, Options);
    }

    /// <summary>
    /// Writes the event as one line of JSON straight to <paramref name="writer"/> as UTF-8: the same bytes
    /// <see cref="Serialize"/> gives, without the string in between. The writer must be made with <see cref="WriterOptions"/>.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, RegistryEvent e)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(e);
        if (e is UnitsCleared cleared)
        {
            WriteCleared(writer, cleared);
            return;
        }
        JsonSerializer.Serialize(writer, e, Options);
    }

    // A clearing move (one for every sell order and every trade) written field by field, in the serializer's order and
    // with its converters' forms (the writer's encoder escapes as the serializer's does): the same bytes, without the
    // serializer's polymorphic dispatch and the stack of frames it makes for every event. RegistryEventJsonTests compares
    // the two.
    private static void WriteCleared(Utf8JsonWriter w, UnitsCleared c)
    {
        w.WriteStartObject();
        w.WriteString("type"u8, "registry.units.cleared"u8);
        w.WriteString("from"u8, c.From.Value);
        w.WriteString("to"u8, c.To.Value);
        w.WriteString("class"u8, c.Class.ToString());
        w.WriteStartArray("blocks"u8);
        for (var i = 0; i < c.Blocks.Count; i++)
        {
            var block = c.Blocks[i];
            w.WriteStartObject();
            w.WriteNumber("first"u8, block.First);
            w.WriteNumber("last"u8, block.Last);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("reference"u8, c.Reference);
        if (c.Mandate is { } mandate)
        {
            w.WriteString("mandate"u8, mandate);
        }
        w.WriteString("at"u8, c.At);
        w.WriteString("actor"u8, c.Actor.Value);
        if (c.Key is { } key)
        {
            w.WriteString("key"u8, key.Value);
        }
        else
        {
            w.WriteNull("key"u8);
        }
        w.WriteEndObject();
    }

    /// <summary>The options of a <see cref="Utf8JsonWriter"/> for <see cref="Write"/>: the encoder and layout <see cref="Serialize"/> uses.</summary>
    public static JsonWriterOptions WriterOptions => new() { Encoder = Options.Encoder, Indented = false };

    /// <summary>Reads an event written by <see cref="Serialize"/>; throws <see cref="JsonException"/> on bad input.</summary>
    public static RegistryEvent Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<RegistryEvent>(json, Options)
            ?? throw new JsonException("The JSON holds no registry event.");
    }

    /// <summary>Reads an event from its UTF-8 JSON (a journal row's stored bytes); throws <see cref="JsonException"/> on bad input.</summary>
    public static RegistryEvent Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<RegistryEvent>(utf8Json, Options)
            ?? throw new JsonException("The JSON holds no registry event.");

    /// <summary>The event's type name as written in <c>type</c>, e.g. <c>registry.units.issued</c>.</summary>
    public static string KindOf(RegistryEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Kinds.TryGetValue(e.GetType(), out var kind)
            ? kind
            : throw new InvalidOperationException($"{e.GetType().Name} has no JSON type name.");
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters =
            {
                new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
                new AllowanceCountJsonConverter(),
                new UnitClassJsonConverter(),
                new AccountNumberJsonConverter(),
                new UserIdJsonConverter(),
                new IdempotencyKeyJsonConverter(),
                new CreditCodeJsonConverter(),
                new ProposalIdJsonConverter(),
                new SerialBlockJsonConverter(),
            },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NameEventTypes, OmitAbsentOptions } },
            WriteIndented = false,
        };
        options.MakeReadOnly();
        return options;
    }

    // Properties added to an event after journals held it are left out when absent, so that such an event is written as
    // it was before they existed: a clearing move without a client's mandate (no "mandate": null), a surrender without
    // the entity it counts for (no "entity": null).
    private static readonly (Type Type, string Property)[] Optional = [(typeof(UnitsCleared), "mandate"), (typeof(UnitsSurrendered), "entity")];

    private static void OmitAbsentOptions(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            if (Array.IndexOf(Optional, (info.Type, property.Name)) >= 0)
            {
                property.ShouldSerialize = (_, value) => value is not null;
            }
        }
    }

    // The polymorphic contract of RegistryEvent, from the table above (the domain records name no format).
    private static void NameEventTypes(JsonTypeInfo info)
    {
        if (info.Type != typeof(RegistryEvent))
        {
            return;
        }
        info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "type" };
        foreach (var (type, kind) in EventKinds)
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, kind));
        }
    }
}
