using System.Text.RegularExpressions;
using OpenEts.Application.Organisations;
using OpenEts.Domain.Organisations;

namespace OpenEts.Server.Localization;

/// <summary>
/// A broken rule in the request's language: the API's problem messages and the pages' error texts. Rule codes stay
/// language-neutral (<c>Quantity</c>, <c>InsufficientHoldings</c>, <c>Json.Type</c>); in Chinese the message is the
/// field's label and the rule's text from the resources, in English the use case's own sentence, which names the value.
/// </summary>
/// <remarks>
/// A rule's text is looked up most specific first: for the field (<c>rule.{rule}.{field}</c>, where one rule means
/// different things for two fields), then for the rule (<c>rule.{rule}</c>, a registry rejection's <c>reg.rule.{rule}</c>).
/// When the error carries the figures its English sentence names, the text with figures (<c>….figures</c>, placing them as
/// <c>{0}</c>, <c>{1}</c> …) is preferred, so that the Chinese message states the same limits and values as the English.
/// A field's label is the form's (<see cref="LabelScope"/>) before the global one.
/// </remarks>
internal static partial class RuleText
{
    /// <summary>A field error's message.</summary>
    public static string Field(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Message(error.Field, error.Rule, error.Message, error.Figures);
    }

    /// <summary>A field error's message, its field named <paramref name="label"/> (a page that knows better than the resources).</summary>
    public static string Field(FieldError error, string label)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Message(error.Field, error.Rule, error.Message, error.Figures, registryFirst: false, label);
    }

    /// <summary>
    /// A field error's message, its field named <paramref name="label"/>, from the resources in either language when the
    /// error carries its figures (a plan figure out of its bounds: <c>Power · free share: 1.5 is outside the allowed range,
    /// 0 to 1.</c>); otherwise as <see cref="Field(FieldError, string)"/>. For a label that says more than the use case's
    /// English sentence can (the plan's own words for a figure).
    /// </summary>
    public static string Stated(FieldError error, string label)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!Text.IsEnglish || error.Figures.Count == 0)
        {
            return Field(error, label);
        }
        return RuleOf(error.Field, error.Rule, error.Figures, registryFirst: false) is { } text ? label + Text.T("colon") + text : error.Message;
    }

    /// <summary>A bad cell of an imported file.</summary>
    public static string Row(RowError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        // A file's cell is named by its column's header as the file gives it (月份), not by the field's key.
        return Message(error.Field, error.Rule, error.Message, error.Figures, registryFirst: false,
            label: error.Header.Length > 0 ? error.Header : null);
    }

    /// <summary>
    /// The message for <paramref name="rule"/> broken by <paramref name="field"/>: English → <paramref name="english"/>;
    /// otherwise the field's label and the rule's text (with <paramref name="figures"/> when the resources place them),
    /// falling back to <paramref name="english"/> only for a rule the resources do not know.
    /// </summary>
    public static string Message(string field, string rule, string english, IReadOnlyList<string>? figures = null) =>
        Message(field, rule, english, figures, registryFirst: false);

    /// <summary>
    /// A registry rejection's message, as <see cref="Message(string, string, string, IReadOnlyList{string}?)"/> but its
    /// own text (<c>reg.rule.*</c>) first: a shared rule of the same name (<c>rule.ReasonRequired</c>) speaks of something else.
    /// </summary>
    public static string RegistryMessage(string field, string rule, string english, IReadOnlyList<string>? figures = null) =>
        Message(field, rule, english, figures, registryFirst: true);

    private static string Message(string field, string rule, string english, IReadOnlyList<string>? figures, bool registryFirst,
        string? label = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        field ??= "";
        if (Text.IsEnglish)
        {
            return english;
        }
        var text = RuleOf(field, rule, figures ?? [], registryFirst);
        if (text is null)
        {
            return english;
        }
        return string.IsNullOrEmpty(field) ? text : $"{label ?? Label(field)}：{text}";
    }

    /// <summary>
    /// A field's label in the current language: the current form's or module's (<c>field.{scope}.{field}</c>, see
    /// <see cref="LabelScope"/>), else the global one (<c>field.{field}</c>), else the field's own name. A path into a
    /// list (<c>lines[L1].amount</c>, <c>adjustments[0].reason</c>) is labelled part by part, naming the item (排放源 L1 ·
    /// 数量; a position counts from 1).
    /// </summary>
    public static string Label(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Own(field) is { } label)
        {
            return label;
        }
        if (field.StartsWith('$') || !(field.Contains('.', StringComparison.Ordinal) || field.Contains('[', StringComparison.Ordinal)))
        {
            return field;
        }
        return string.Join(" · ", field.Split('.').Select(part => Item().Match(part) is { Success: true } item
            ? $"{Own(item.Groups[1].Value) ?? item.Groups[1].Value} {Position(item.Groups[2].Value)}"
            : Own(part) ?? part));
    }

    // The label of one field name, the form's or module's before the global one; null when there is none.
    private static string? Own(string field)
    {
        foreach (var scope in LabelScope.Current)
        {
            if (Text.Has($"field.{scope}.{field}"))
            {
                return Text.T($"field.{scope}.{field}");
            }
        }
        return Text.Has("field." + field) ? Text.T("field." + field) : null;
    }

    // An item's id as given (L1), or its position from 1 for an index from 0.
    private static string Position(string index) =>
        int.TryParse(index, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i)
            ? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : index;

    // The rule's text, most specific first; a text with figures only when the error has as many figures as it places.
    private static string? RuleOf(string field, string rule, IReadOnlyList<string> figures, bool registryFirst)
    {
        string[] keys = registryFirst
            ? (field.Length > 0 ? [$"reg.rule.{rule}", $"rule.{rule}.{field}", $"rule.{rule}"] : [$"reg.rule.{rule}", $"rule.{rule}"])
            : field.Length > 0
            ? [$"rule.{rule}.{field}", $"rule.{rule}", $"reg.rule.{rule}"]
            : [$"rule.{rule}", $"reg.rule.{rule}"];
        if (figures.Count > 0)
        {
            foreach (var key in keys)
            {
                if (Text.Has(key + ".figures") && Text.T(key + ".figures") is var template && Places(template) <= figures.Count)
                {
                    return string.Format(System.Globalization.CultureInfo.InvariantCulture, template, [.. StateNames.Of(rule, figures)]);
                }
            }
        }
        foreach (var key in keys)
        {
            if (Text.Has(key))
            {
                return Text.T(key);
            }
        }
        return null;
    }

    // How many figures a text places: one more than its highest {n}.
    private static int Places(string template)
    {
        var most = 0;
        foreach (Match item in Placeholder().Matches(template))
        {
            most = Math.Max(most, int.Parse(item.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1);
        }
        return most;
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(\w+)\[([^\]]+)\]$")]
    private static partial Regex Item();
}
