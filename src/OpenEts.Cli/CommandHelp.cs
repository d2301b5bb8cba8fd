using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace OpenEts.Cli;

/// <summary>
/// <c>--help</c> in System.CommandLine's layout (Description, Usage, Arguments, Options, Commands), with the documented
/// usage lines of docs/cli.md as the usage; for <c>ets</c> itself, the overview of every command's usage line.
/// </summary>
internal sealed class CommandHelp : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        var command = parseResult.CommandResult.Command;
        output.Write(command is RootCommand root ? Overview(root) : Describe(command));
        return ExitCode.Ok;
    }

    /// <summary>What <c>ets help</c> and <c>ets --help</c> print: every command's usage line.</summary>
    public static string Overview(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var lines = new List<string> { "ets — OpenETS command line", "", "usage:" };
        lines.AddRange(root.Subcommands.SelectMany(CommandUsage.LinesOf).Select(l => "  " + l));
        lines.Add("  ets help");
        lines.Add("");
        lines.Add("options of every command:");
        lines.Add($"  {EtsCommand.UtcOption}  print times in UTC (+00:00); without it they are in Beijing time (+08:00)");
        lines.Add("");
        lines.Add("'ets COMMAND --help' describes a command's arguments and options; docs/cli.md has examples.");
        return string.Join('\n', lines) + "\n";
    }

    private static string Describe(Command command)
    {
        var text = new List<string> { "Description:", "  " + command.Description, "", "Usage:" };
        text.AddRange(CommandUsage.LinesOf(command).Select(l => "  " + l));
        Section(text, "Arguments:", command.Arguments.Select(a => ($"<{a.Name}>", a.Description ?? "")));
        var options = command.Options.Concat(Inherited(command)).Where(o => o is not HelpOption && !o.Hidden).ToList();
        Section(text, "Options:", options.Select(o => (Label(o), o.Description ?? ""))
            .Append(("-?, -h, --help", "Show help and usage information")));
        Section(text, "Commands:", command.Subcommands.Select(c => (c.Name, c.Description ?? "")));
        return string.Join('\n', text) + "\n";
    }

    private static IEnumerable<Option> Inherited(Command command) =>
        command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive).Concat(Inherited(p)));

    private static string Label(Option option)
    {
        var name = option.ValueType == typeof(bool) ? option.Name : $"{option.Name} <{option.HelpName ?? option.Name.TrimStart('-').ToUpperInvariant()}>";
        return option.Required ? name + " (REQUIRED)" : name;
    }

    private static void Section(List<string> text, string title, IEnumerable<(string Name, string Description)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }
        var width = list.Max(r => r.Name.Length) + 2;
        text.Add("");
        text.Add(title);
        text.AddRange(list.Select(r => ("  " + r.Name.PadRight(width) + r.Description).TrimEnd()));
    }
}
