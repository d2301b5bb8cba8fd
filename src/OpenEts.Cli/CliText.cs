using System.Globalization;
using System.Text;
using OpenEts.Domain.Exchange;

namespace OpenEts.Cli;

/// <summary>
/// How every <c>ets</c> command writes times, states and counts: times in Beijing time to the second with the offset
/// (<c>2026-12-01 15:00:00 +08:00</c>, as the pages' spreadsheet cells), states as words (<c>awaiting client</c>), and a
/// count with its noun in the singular or the plural (<c>1 order</c>, <c>2 orders</c>).
/// </summary>
internal static class CliText
{
    /// <summary><c>2026-12-01 15:00:00 +08:00</c>, whatever offset the time was stored with.</summary>
    public static string Time(DateTimeOffset at) =>
        at.ToOffset(TradingCalendar.Beijing).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

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

    /// <summary><c>1 trade</c>, <c>0 trades</c>, <c>2 trades</c>.</summary>
    public static string Count(long count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
