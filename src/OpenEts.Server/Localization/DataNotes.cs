namespace OpenEts.Server.Localization;

/// <summary>
/// The citation notes the platform ships in its data documents (dualcontrol/cards/*.json: the card rule sets' sources;
/// dualcontrol/scc.json: the social cost of carbon's bases and sources), in Chinese for the Chinese pages. The documents
/// keep them as written from the English reference files; a note is looked up by its exact text, so one a regulator
/// wrote or edited in a new version is shown as typed. URLs, reference sections, dates, figures and the [confirmed] /
/// [UNCONFIRMED] flags stay as they are. The page test <c>DualControlNotesPageTests</c> names any shipped note without
/// its Chinese.
/// </summary>
internal static partial class DataNotes
{
    /// <summary>The note in the page's language: Chinese when it is a shipped note, else as stored.</summary>
    public static string Show(string? note) => note is null ? "" : Text.Translated(note, Chinese);

    /// <summary>Whether <paramref name="note"/> has its Chinese here.</summary>
    public static bool Known(string note) => Chinese.ContainsKey(note);
}
