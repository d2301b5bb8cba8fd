namespace OpenEts.Server.Localization;

/// <summary>
/// The REST API's summaries in Chinese, for the API reference page in Chinese. The endpoints' own summaries (OpenAPI,
/// the generated client) stay English; a summary is looked up by its English text, so a summary that was reworded
/// shows in English until its Chinese is added here (the page test <c>ApiReferencePageTests</c> lists any missing).
/// Codes, paths, parameters, headers and rule names (<c>X-Partner-Key</c>, <c>QueueFull</c>, <c>?account=</c>) stay as in
/// the English.
/// </summary>
internal static partial class ApiSummaries
{
    /// <summary>The summary in the page's language: Chinese when known, else as given.</summary>
    public static string Show(string english) => Text.Translated(english, Chinese);

    /// <summary>Whether <paramref name="english"/> has its Chinese here.</summary>
    public static bool Known(string english) => Chinese.ContainsKey(english);
}
