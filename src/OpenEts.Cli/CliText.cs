using System.Globalization;
using System.Text;
using OpenEts.Domain.Exchange;

namespace OpenEts.Cli;

/// <summary>
/// How every <c>ets</c> command writes times, states and counts: times in Beijing time to the second with the offset
/// (<c>2026-12-01 15:00:00 +08:00</c>, as the pages' spreadsheet cells), or in UTC under the global <c>--utc</c>
/// (<c>2026-12-01 07:00:00 +00:00</c>); states as words (<c>awaiting client</c>); and a count with its noun in the
/// singular or the plural (<c>1 order</c>, <c>2 orders</c>).
/// </summary>
internal static class CliText
{
    // Per run of EtsCommand.RunAsync (it flows into the command's awaits and back out with it), so that runs side by
    // side in one process (the tests) do not see each other's --utc.
    private static readonly AsyncLocal<bool> s_utc = new();

    /// <summary>Whether this run prints times in UTC (<c>--utc</c>) rather than Beijing time.</summary>
    public static bool Utc
    {
        get => s_utc.Value;
        set => s_utc.Value = value;
    }

    /// <summary><c>2026-12-01 15:00:00 +08:00</c> (or <c>+00:00</c> under <c>--utc</c>), whatever offset the time was stored with.</summary>
    public static string Time(DateTimeOffset at) =>
        at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary><c>2026-12-01T15:00:00+08:00</c> (ISO 8601, for CSV cells), in the same zone as <see cref="Time"/>.</summary>
    public static string IsoTime(DateTimeOffset at) =>
        at.ToOffset(Offset).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private static TimeSpan Offset => Utc ? TimeSpan.Zero : TradingCalendar.Beijing;

    /// <summary>An enum's name as lower-case words: <c>AwaitingClient</c> is <c>awaiting client</c>.</summary>
    public static string Words<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var words = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                words.Append(' ');
            }
            words.Append(char.ToLowerInvariant(name[i]));
        }
        return words.ToString();
    }

    /// <summary>
    /// Writes a list's lines, or one line saying there is none (<c>no auctions</c>) when it is empty: an empty list is an
    /// answer (exit 0), and a blank output would look like a command that did nothing.
    /// </summary>
    public static async Task WriteListAsync(TextWriter output, IReadOnlyCollection<string> lines, string none)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines.Count == 0 ? [none] : lines)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>LABEL: message</c> for a field's problem, without the field's name that the use case's message may already start
    /// with: <c>--year: plan 'guangdong-2017' governs 2017, not 2030</c>, not <c>--year: year: plan …</c>.
    /// </summary>
    public static string Problem(string label, string field, string message)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(message);
        var own = field + ": ";
        return label + ": " + (message.StartsWith(own, StringComparison.Ordinal) ? message[own.Length..] : message);
    }

    /// <summary><c>1 trade</c>, <c>0 trades</c>, <c>2 trades</c>.</summary>
    public static string Count(long count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
