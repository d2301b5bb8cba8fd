using System.Globalization;
using OpenEts.Application.Files;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OpenEts.Cli.Registry;

/// <summary>
/// Prints rows as a Spectre.Console table (plain text when not on a terminal) or as CSV. A table with no rows is one line
/// saying so (<paramref name="none"/>, as every list of <c>ets</c>); CSV keeps its header alone, for scripts.
/// </summary>
internal static class RegistryTable
{
    public static async Task WriteAsync(RegistryContext context, bool csv, IReadOnlyList<string> header,
        IReadOnlyCollection<IReadOnlyList<string>> rows, string none)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rows);
        if (!csv && rows.Count == 0)
        {
            await context.Out.WriteLineAsync(none).ConfigureAwait(false);
            return;
        }
        if (csv)
        {
            await context.Out.WriteLineAsync(string.Join(',', header.Select(Csv.Escape))).ConfigureAwait(false);
            foreach (var row in rows)
            {
                await context.Out.WriteLineAsync(string.Join(',', row.Select(Csv.Escape))).ConfigureAwait(false);
            }
            return;
        }
        var table = new Table().Border(context.IsTerminal ? TableBorder.Rounded : TableBorder.Simple);
        foreach (var h in header)
        {
            table.AddColumn(new TableColumn(new Text(h)));
        }
        foreach (var row in rows)
        {
            table.AddRow(row.Select(c => (IRenderable)new Text(c)).ToArray());
        }
        if (context.IsTerminal)
        {
            AnsiConsole.Console.Write(table);
            return;
        }
        // Plain text for pipes and files: no colours, no trailing blanks, no empty border lines.
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = 400;
        console.Write(table);
        foreach (var line in text.ToString().Split('\n'))
        {
            if (line.Trim().Length > 0)
            {
                await context.Out.WriteLineAsync(line.TrimEnd()).ConfigureAwait(false);
            }
        }
    }
}
