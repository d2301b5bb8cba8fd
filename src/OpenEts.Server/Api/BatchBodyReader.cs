using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using OpenEts.Application.Inclusion;

namespace OpenEts.Server.Api;

/// <summary>
/// Reads a batch of actions (<see cref="InclusionEndpoints.BatchInput"/>) from a request body in one pass with
/// <see cref="Utf8JsonReader"/>, straight into the use case's form: a partner's batch holds thousands of actions, and the
/// general deserializer's per-object work was a large share of the server's time per action. Only the plain shape is
/// read here — the documented fields, each once, of the documented JSON types; anything else (an unknown or repeated
/// field, a field in other letter case, a string where a number belongs, a missing field…) is handed to
/// System.Text.Json with the API's strict options, so a body it refuses is refused with exactly the same problem as
/// before (<c>BadRequestHandler</c> names the field and the rule).
/// </summary>
internal static class BatchBodyReader
{
    /// <summary>The batch in the body, or a <see cref="BadHttpRequestException"/> as the minimal API's own binding throws it.</summary>
    public static async Task<RecordActions.Form> ReadAsync(HttpRequest request, JsonOptions json, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException($"Expected a supported JSON media type but got \"{request.ContentType}\".",
                StatusCodes.Status415UnsupportedMediaType);
        }
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    // Kestrel's request body limit bounds the growth.
                    var larger = ArrayPool<byte>.Shared.Rent(length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            var body = buffer.AsSpan(0, length);
            if (body.Trim(" \t\r\n"u8).IsEmpty)
            {
                throw new BadHttpRequestException("Required parameter \"BatchInput input\" was not provided from body.");
            }
            RecordActions.Form? plain;
            try
            {
                plain = TryRead(body);
            }
            catch (JsonException)
            {
                // Not JSON at all: System.Text.Json says where, as binding did.
                plain = null;
            }
            return plain ?? Strictly(body, json);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // System.Text.Json with the API's options: the same answer, or the same refusal, as binding the parameter.
    private static RecordActions.Form Strictly(ReadOnlySpan<byte> body, JsonOptions json)
    {
        InclusionEndpoints.BatchInput? input;
        try
        {
            input = JsonSerializer.Deserialize<InclusionEndpoints.BatchInput>(body, json.SerializerOptions);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("Failed to read parameter \"BatchInput input\" from the request body as JSON.", e);
        }
        return input is null
            ? throw new BadHttpRequestException("Required parameter \"BatchInput input\" was not provided from body.")
            : new RecordActions.Form(input.Programme, [.. (input.Actions ?? []).Select(InclusionEndpoints.Form)]);
    }

    /// <summary>The batch when the body has the plain shape, else null (then System.Text.Json reads it).</summary>
    private static RecordActions.Form? TryRead(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        string? programme = null;
        List<RecordActions.ActionForm>? actions = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("programme"u8) && programme is null)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return null;
                }
                programme = reader.GetString();
            }
            else if (reader.ValueTextEquals("actions"u8) && actions is null)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || ReadActions(ref reader) is not { } list)
                {
                    return null;
                }
                actions = list;
            }
            else
            {
                return null;
            }
        }
        return reader.TokenType == JsonTokenType.EndObject && !reader.Read() && programme is not null && actions is not null
            ? new RecordActions.Form(programme, actions)
            : null;
    }

    private static List<RecordActions.ActionForm>? ReadActions(ref Utf8JsonReader reader)
    {
        var actions = new List<RecordActions.ActionForm>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (ReadAction(ref reader) is not { } action)
            {
                return null;
            }
            actions.Add(action);
        }
        return reader.TokenType == JsonTokenType.EndArray ? actions : null;
    }

    // One action: the nine fields of ActionInput, the first four strings required, quantity a required number.
    private static RecordActions.ActionForm? ReadAction(ref Utf8JsonReader reader)
    {
        string? eventId = null, source = null, behaviour = null, occurredAt = null, user = null, signature = null;
        decimal? quantity = null, minutes = null, ownAverage = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueTextEquals("eventId"u8) ? 1
                : reader.ValueTextEquals("source"u8) ? 2
                : reader.ValueTextEquals("behaviour"u8) ? 4
                : reader.ValueTextEquals("occurredAt"u8) ? 8
                : reader.ValueTextEquals("quantity"u8) ? 16
                : reader.ValueTextEquals("minutes"u8) ? 32
                : reader.ValueTextEquals("ownAverage"u8) ? 64
                : reader.ValueTextEquals("user"u8) ? 128
                : reader.ValueTextEquals("signature"u8) ? 256
                : 0;
            if (field == 0 || (seen & field) != 0 || !reader.Read())
            {
                return null;
            }
            seen |= field;
            if (field is 1 or 2 or 4 or 8 or 128 or 256)
            {
                if (reader.TokenType != JsonTokenType.String && !(field >= 128 && reader.TokenType == JsonTokenType.Null))
                {
                    return null;
                }
                var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                switch (field)
                {
                    case 1: eventId = text; break;
                    case 2: source = text; break;
                    case 4: behaviour = text; break;
                    case 8: occurredAt = text; break;
                    case 128: user = text; break;
                    default: signature = text; break;
                }
                continue;
            }
            decimal? number = null;
            if (reader.TokenType == JsonTokenType.Number)
            {
                if (!reader.TryGetDecimal(out var value))
                {
                    return null;
                }
                number = value;
            }
            else if (reader.TokenType != JsonTokenType.Null || field == 16)
            {
                return null;
            }
            switch (field)
            {
                case 16: quantity = number; break;
                case 32: minutes = number; break;
                default: ownAverage = number; break;
            }
        }
        return reader.TokenType == JsonTokenType.EndObject && (seen & 31) == 31
            ? new RecordActions.ActionForm(eventId, source, behaviour, occurredAt, quantity, minutes, ownAverage, user, signature)
            : null;
    }
}
