using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenEts.Domain.Text;

/// <summary>
/// The figures a rule's sentence names (a limit, a range, the value found, an expected character), each formatted as the
/// sentence formats it, in the invariant culture and in the sentence's order. A message in another language places the
/// same figures in its own sentence (<c>{0}</c>, <c>{1}</c> …), so that no language says less than the English one.
/// </summary>
public static partial class Figures
{
    /// <summary>The arguments of <paramref name="sentence"/>, each formatted with its own format (<c>{x:0.##}</c>).</summary>
    public static IReadOnlyList<string> Of(FormattableString sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var arguments = sentence.GetArguments();
        if (arguments.Length == 0)
        {
            return [];
        }
        var formats = new string?[arguments.Length];
        foreach (Match item in FormatItem().Matches(sentence.Format))
        {
            var index = int.Parse(item.Groups["i"].Value, CultureInfo.InvariantCulture);
            if (index < formats.Length && item.Groups["f"].Success)
            {
                formats[index] = item.Groups["f"].Value;
            }
        }
        var figures = new string[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            figures[i] = arguments[i] is IFormattable formattable
                ? formattable.ToString(formats[i], CultureInfo.InvariantCulture)
                : Convert.ToString(arguments[i], CultureInfo.InvariantCulture) ?? "";
        }
        return figures;
    }

    /// <summary>The sentence in the invariant culture.</summary>
    public static string Sentence(FormattableString sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return sentence.ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(?<!\{)\{(?<i>\d+)(?:,-?\d+)?(?::(?<f>[^}]*))?\}")]
    private static partial Regex FormatItem();
}
