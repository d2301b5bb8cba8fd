using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenEts.Domain.Registry;

// Value types serialise as their canonical text (or number), so the journal payload reads like the registry's own
// notation: "GDEA-2017", "GD-HOLD-0001", {"first":1,"last":1000}.

internal sealed class UnitClassJsonConverter : JsonConverter<UnitClass>
{
    public override UnitClass Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        UnitClass.TryParse(reader.GetString(), out var value) ? value : throw new JsonException("Not a unit class.");

    public override void Write(Utf8JsonWriter writer, UnitClass value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

internal sealed class AccountNumberJsonConverter : JsonConverter<AccountNumber>
{
    public override AccountNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        AccountNumber.TryCreate(reader.GetString(), out var value) ? value : throw new JsonException("Not an account number.");

    public override void Write(Utf8JsonWriter writer, AccountNumber value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

internal sealed class UserIdJsonConverter : JsonConverter<UserId>
{
    public override UserId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        UserId.From(reader.GetString() ?? throw new JsonException("A user id is required."));

    public override void Write(Utf8JsonWriter writer, UserId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

internal sealed class IdempotencyKeyJsonConverter : JsonConverter<IdempotencyKey>
{
    public override IdempotencyKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IdempotencyKey.From(reader.GetString() ?? throw new JsonException("An idempotency key is required."));

    public override void Write(Utf8JsonWriter writer, IdempotencyKey value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

internal sealed class ProposalIdJsonConverter : JsonConverter<ProposalId>
{
    public override ProposalId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ProposalId.From(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, ProposalId value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);
}

internal sealed class SerialBlockJsonConverter : JsonConverter<SerialBlock>
{
    public override SerialBlock Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A serial block is an object {\"first\":…,\"last\":…}.");
        }
        long? first = null;
        long? last = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "first":
                    first = reader.GetInt64();
                    break;
                case "last":
                    last = reader.GetInt64();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (first is null || last is null || first < 1 || last < first)
        {
            throw new JsonException("A serial block needs 1 ≤ first ≤ last.");
        }
        return SerialBlock.Create(first.Value, last.Value);
    }

    public override void Write(Utf8JsonWriter writer, SerialBlock value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("first", value.First);
        writer.WriteNumber("last", value.Last);
        writer.WriteEndObject();
    }
}

internal sealed class AllowanceCountJsonConverter : JsonConverter<Quantities.AllowanceCount>
{
    public override Quantities.AllowanceCount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TryGetInt64(out var value) && value >= 0 ? Quantities.AllowanceCount.From(value) : throw new JsonException("Not a whole number of units ≥ 0.");

    public override void Write(Utf8JsonWriter writer, Quantities.AllowanceCount value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);
}
