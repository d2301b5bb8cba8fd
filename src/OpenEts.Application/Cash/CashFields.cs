using OpenEts.Application.Forms;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Cash;

/// <summary>How cash and auction requests read their fields (as <see cref="FieldReader"/> extensions).</summary>
public static class CashFields
{
    /// <summary>The longest reference (a bank slip number, a note) kept with a movement.</summary>
    public const int ReferenceLength = 200;

    /// <summary>An amount of money to move, &gt; 0 and exact to the fen.</summary>
    public static Yuan Amount(this FieldReader read, decimal? value, string field = "amount")
    {
        ArgumentNullException.ThrowIfNull(read);
        if (Yuan.TryCreatePositive(value, out var yuan, out var reason))
        {
            return yuan;
        }
        if (value > Yuan.Max)
        {
            // Too large: the largest amount named, as the English reason does.
            read.FailOf(field, "Amount", $"{field}: an amount is at most {Yuan.Max:0} yuan");
            return default;
        }
        read.Fail(field, "Amount", $"{field}: {reason}");
        return default;
    }

    /// <summary>An organisation's unified social credit code.</summary>
    public static CreditCode Organisation(this FieldReader read, string? text, string field = "organisation")
    {
        ArgumentNullException.ThrowIfNull(read);
        var parse = CreditCode.Parse(text);
        if (parse.Success)
        {
            return parse.Code;
        }
        read.Fail(field, "CreditCode", $"{field}: {parse.Message}");
        return default;
    }

    /// <summary>A reference: trimmed, 1 to <see cref="ReferenceLength"/> characters.</summary>
    public static string Reference(this FieldReader read, string? text, string field = "reference")
    {
        ArgumentNullException.ThrowIfNull(read);
        var value = FieldReader.Text(text);
        if (value.Length == 0 || value.Length > ReferenceLength)
        {
            read.Fail(field, "Reference", $"{field}: 1 to {ReferenceLength} characters (a bank slip or a note)");
        }
        return value;
    }
}
