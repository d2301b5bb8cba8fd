using OpenEts.Application.Forms;

namespace OpenEts.Application.Inclusion;

/// <summary>The fields several inclusion forms share, read one way: the programme, a catalogue code, a name, an idempotency key.</summary>
internal static class InclusionFields
{
    /// <summary>The longest idempotency key an inclusion request takes.</summary>
    public const int MaxKeyLength = 100;

    /// <summary>The programme's code as the platform spells it, or null (and the field failed, naming the text as typed) when no programme has it.</summary>
    public static string? Programme(this FieldReader read, InclusionProgrammes programmes, string? text) => read.Programme(programmes.Codes, text);

    /// <summary>The code among <paramref name="codes"/> as the platform spells it, or null (and the field failed, naming the text as typed) when none is it.</summary>
    public static string? Programme(this FieldReader read, IReadOnlyList<string> codes, string? text)
    {
        var typed = FieldReader.Text(text);
        var programme = codes.FirstOrDefault(c => string.Equals(c, typed, StringComparison.OrdinalIgnoreCase));
        if (programme is null)
        {
            var list = string.Join(", ", codes);
            if (typed.Length == 0)
            {
                read.Fail("programme", "UnknownValue", $"programme is one of: {list}");
            }
            else
            {
                read.FailOf("programme", "UnknownValue", $"programme: '{typed}' is not one of {list}");
            }
        }
        return programme;
    }

    /// <summary>A lower-case code of 1–64 characters (a catalogue item, a cause).</summary>
    public static string Code(this FieldReader read, string? text, string field, string message)
    {
        var code = FieldReader.Text(text).ToLowerInvariant();
        if (code.Length is 0 or > 64)
        {
            read.Fail(field, "Required", message);
        }
        return code;
    }

    /// <summary>A name of 1–<paramref name="max"/> characters without control characters.</summary>
    public static string Name(this FieldReader read, string? text, int max, string what)
    {
        var name = FieldReader.Text(text);
        if (name.Length is 0 || name.Length > max || name.Any(char.IsControl))
        {
            read.Fail("name", "Required", $"name: {what}, 1–{max} characters");
        }
        return name;
    }

    /// <summary>The request's idempotency key: 1–<see cref="MaxKeyLength"/> characters, the same on a retry.</summary>
    public static string IdempotencyKey(this FieldReader read, string? text)
    {
        var key = FieldReader.Text(text);
        if (key.Length is 0 or > MaxKeyLength)
        {
            read.Fail("idempotencyKey", "Required", $"idempotencyKey: 1–{MaxKeyLength} characters, the same on a retry");
        }
        return key;
    }
}
