using OpenEts.Application.Organisations;
using OpenEts.Domain.Organisations;

namespace OpenEts.Server.Localization;

/// <summary>
/// A broken rule in the request's language: the API's problem messages and the pages' error texts. Rule codes stay
/// language-neutral (<c>Quantity</c>, <c>InsufficientHoldings</c>, <c>Json.Type</c>); in Chinese the message is the
/// field's label and the rule's text from the resources, in English the use case's own sentence, which names the value.
/// </summary>
internal static class RuleText
{
    /// <summary>A field error's message.</summary>
    public static string Field(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Message(error.Field, error.Rule, error.Message);
    }

    /// <summary>A bad cell of an imported file.</summary>
    public static string Row(RowError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Message(error.Field, error.Rule, error.Message);
    }

    /// <summary>
    /// The message for <paramref name="rule"/> broken by <paramref name="field"/>: English → <paramref name="english"/>;
    /// otherwise the field's label and the rule's text (<c>rule.*</c>, or a registry rejection's <c>reg.rule.*</c>),
    /// falling back to <paramref name="english"/> only for a rule the resources do not know.
    /// </summary>
    public static string Message(string field, string rule, string english) => Message(field, rule, english, "rule.", "reg.rule.");

    /// <summary>
    /// A registry rejection's message, as <see cref="Message(string, string, string)"/> but its own text
    /// (<c>reg.rule.*</c>) first: a shared rule of the same name (<c>rule.ReasonRequired</c>) speaks of something else.
    /// </summary>
    public static string RegistryMessage(string field, string rule, string english) => Message(field, rule, english, "reg.rule.", "rule.");

    private static string Message(string field, string rule, string english, string first, string second)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (Text.IsEnglish)
        {
            return english;
        }
        var text = Text.Has(first + rule) ? Text.T(first + rule)
            : Text.Has(second + rule) ? Text.T(second + rule)
            : null;
        if (text is null)
        {
            return english;
        }
        return string.IsNullOrEmpty(field) ? text : $"{Label(field)}：{text}";
    }

    /// <summary>A field's label in the current language (<c>field.*</c>); the field's own name when it has none.</summary>
    public static string Label(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Text.Has("field." + field) ? Text.T("field." + field) : field;
    }
}
