using System.Text.Json;
using System.Text.Json.Serialization;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

// Value types serialise as their canonical text (or number), so the journal payload reads like the registry's own
// notation: "GDEA-2017", "GD-HOLD-0001", {"first":1,"last":1000}. Reading goes through the types' TryCreate: a bad
// value is a JsonException naming the rule, never an ArgumentException from a factory.

internal static class RegistryJsonReader
{
    // A string, or null for JSON null (the TryCreates say why null is not a value); anything else is malformed.
    public static string? ReadString(ref Utf8JsonReader reader, string what) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"A {what} is a string (was {reader.TokenType})."),
    };

    public static long ReadInt64(ref Utf8JsonReader reader, string what) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)
            ? value
            : throw new JsonException($"A {what} is a whole number (was {reader.TokenType}).");
}

internal sealed class UnitClassJsonConverter : JsonConverter<UnitClass>
{
    public override UnitClass Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        UnitClass.TryCreate(RegistryJsonReader.ReadString(ref reader, "unit class"), out var value, out var reason)
            ? value
            : throw new JsonException(reason);

    public override void Write(Utf8JsonWriter writer, UnitClass value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

internal sealed class AccountNumberJsonConverter : JsonConverter<AccountNumber>
{
    public override AccountNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        AccountNumber.TryCreate(RegistryJsonReader.ReadString(ref reader, "account number"), out var value, out var reason)
            ? value
            : throw new JsonException(reason);

    public override void Write(Utf8JsonWriter writer, AccountNumber value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

internal sealed class UserIdJsonConverter : JsonConverter<UserId>
{
    public override UserId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        UserId.TryCreate(RegistryJsonReader.ReadString(ref reader, "user id"), out var value, out var reason)
            ? value
            : throw new JsonException(reason);

    public override void Write(Utf8JsonWriter writer, UserId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

internal sealed class CreditCodeJsonConverter : JsonConverter<CreditCode>
{
    public override CreditCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        CreditCode.Parse(RegistryJsonReader.ReadString(ref reader, "credit code")) is { Success: true } parsed
            ? parsed.Code
            : throw new JsonException("A credit code is 18 characters of GB 32100-2015 with a valid check character.");

    public override void Write(Utf8JsonWriter writer, CreditCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

internal sealed class IdempotencyKeyJsonConverter : JsonConverter<IdempotencyKey>
{
    public override IdempotencyKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IdempotencyKey.TryCreate(RegistryJsonReader.ReadString(ref reader, "idempotency key"), out var value, out var reason)
            ? value
            : throw new JsonException(reason);

    public override void Write(Utf8JsonWriter writer, IdempotencyKey value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

internal sealed class ProposalIdJsonConverter : JsonConverter<ProposalId>
{
    public override ProposalId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ProposalId.TryCreate(RegistryJsonReader.ReadInt64(ref reader, "proposal id"), out var value, out var reason)
            ? value
            : throw new JsonException(reason);

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
                    first = RegistryJsonReader.ReadInt64(ref reader, "serial");
                    break;
                case "last":
                    last = RegistryJsonReader.ReadInt64(ref reader, "serial");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        // The rule of SerialBlock.Create, checked here so that a bad block is a JsonException, not an ArgumentException.
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

internal sealed class AllowanceCountJsonConverter : JsonConverter<AllowanceCount>
{
    // Zero is a count (an empty total), so the guard is ≥ 0 rather than TryCreatePositive; From throws only below 0.
    public override AllowanceCount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RegistryJsonReader.ReadInt64(ref reader, "quantity") is var value and >= 0
            ? AllowanceCount.From(value)
            : throw new JsonException("A quantity is a whole number of units ≥ 0.");

    public override void Write(Utf8JsonWriter writer, AllowanceCount value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);
}
