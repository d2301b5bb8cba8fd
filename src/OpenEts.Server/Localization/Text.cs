using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace OpenEts.Server.Localization;

/// <summary>
/// User-facing text in the request's UI culture: Chinese (the default) or English, from <see cref="SharedResource"/>'s
/// .resx files through <see cref="IStringLocalizer"/>. The Razor pages call <c>T("key")</c> (imported statically);
/// services can take <c>IStringLocalizer&lt;SharedResource&gt;</c> instead — both read the same resources.
/// </summary>
public static class Text
{
    // One localizer for the process: it reads CultureInfo.CurrentUICulture, which request localization sets per request.
    private static readonly IStringLocalizer Localizer = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    private static readonly System.Resources.ResourceManager ChineseResources =
        new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The text for <paramref name="key"/> in the current language; the key itself when unknown.</summary>
    public static string T(string key) => Localizer[key];

    /// <summary>The text with its placeholders filled in.</summary>
    public static string T(string key, params object[] args) => Localizer[key, args];

    /// <summary>The text of an enum value.</summary>
    public static string T(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return T(value.ToString());
    }

    /// <summary>Items of a list in one line, separated as the current language separates them (、 in Chinese, a comma in English).</summary>
    public static string List(IEnumerable<string> items) => string.Join(T("list.separator"), items);

    /// <summary>Clauses of a sentence in one line, separated as the current language separates them (； in Chinese, a semicolon in English).</summary>
    public static string Clauses(IEnumerable<string> items) => string.Join(T("clause.separator"), items);

    /// <summary>
    /// A text kept in English (an endpoint's summary, a data document's note) in the page's language: its Chinese from
    /// <paramref name="chinese"/>, keyed by the exact English, on a Chinese page; else as given.
    /// </summary>
    public static string Translated(string text, IReadOnlyDictionary<string, string> chinese)
    {
        ArgumentNullException.ThrowIfNull(chinese);
        return IsEnglish || !chinese.TryGetValue(text, out var translated) ? text : translated;
    }

    /// <summary>
    /// The Chinese text for <paramref name="key"/> whatever the request's language: for the files kept to the Chinese
    /// templates regulators and companies exchange (an account's history export), so that they read the same resources
    /// as the pages rather than copies of them.
    /// </summary>
    public static string Chinese(string key) =>
        ChineseResources.GetString(key, CultureInfo.GetCultureInfo("zh-CN")) ?? key;

    /// <summary>True when the resources hold <paramref name="key"/>.</summary>
    public static bool Has(string key) => !Localizer[key].ResourceNotFound;

    /// <summary>A code's name from <paramref name="prefix"/> + code when the resources have one, else null.</summary>
    public static string? NameOf(string prefix, string code) => Has(prefix + code) ? T(prefix + code) : null;

    /// <summary>
    /// Every key with its text in <paramref name="culture"/> (for the tests that keep the languages in step): the
    /// invariant culture reads the default (Chinese) resources, <c>en</c> the English ones.
    /// </summary>
    public static IReadOnlyDictionary<string, string> All(CultureInfo culture)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return Localizer.GetAllStrings(includeParentCultures: false).ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
