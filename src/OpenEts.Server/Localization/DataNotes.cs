using OpenEts.Application.DualControl.Cards;

namespace OpenEts.Server.Localization;

/// <summary>
/// The citation notes the platform ships in its data documents (dualcontrol/cards/*.json: the card rule sets' sources;
/// dualcontrol/scc.json: the social cost of carbon's bases and sources; the assessment schemes' sources), in Chinese for the Chinese pages. The documents
/// keep them as written from the English reference files; a note is looked up by its exact text, so one a regulator
/// wrote or edited in a new version is shown as typed. URLs, reference sections, dates, figures and the [confirmed] /
/// [UNCONFIRMED] flags stay as they are. The page test <c>DualControlNotesPageTests</c> names any shipped note without
/// its Chinese.
/// </summary>
internal static partial class DataNotes
{
    /// <summary>The note in the page's language: Chinese when it is a shipped note, else as stored.</summary>
    public static string Show(string? note) => note is null ? "" : Text.Translated(note, Chinese);

    /// <summary>
    /// A card's ground as stored (its rule line's note; an escalated card's <see cref="EscalateOverdue.Trigger"/> with the
    /// rules' note in brackets) in the page's language.
    /// </summary>
    public static string ShowTrigger(string? trigger) => trigger is null ? "" : Text.IsEnglish ? trigger : TriggerInChinese(trigger);

    /// <summary>A card's ground in Chinese whatever the page's language: the published list's sheet is in Chinese.</summary>
    public static string TriggerInChinese(string trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        const string Open = " (";
        if (trigger.StartsWith(EscalateOverdue.Trigger + Open, StringComparison.Ordinal) && trigger.EndsWith(')'))
        {
            return $"{InChinese(EscalateOverdue.Trigger)}（{InChinese(trigger[(EscalateOverdue.Trigger.Length + Open.Length)..^1])}）";
        }
        return InChinese(trigger);
    }

    private static string InChinese(string note) => Chinese.TryGetValue(note, out var chinese) ? chinese : note;

    /// <summary>Whether <paramref name="note"/> has its Chinese here.</summary>
    public static bool Known(string note) => Chinese.ContainsKey(note);
}
