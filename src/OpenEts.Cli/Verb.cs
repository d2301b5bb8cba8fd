using System.CommandLine;

namespace OpenEts.Cli;

/// <summary>A command that does something (a leaf), with its usage line as docs/cli.md writes it.</summary>
internal sealed class Verb : Command
{
    public Verb(string name, string description, string usage, params Symbol[] symbols)
        : base(name, description)
    {
        UsageLine = usage;
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    Add(argument);
                    break;
                case Option option:
                    Add(option);
                    break;
                default:
                    throw new ArgumentException($"A verb takes arguments and options, not {symbol.GetType().Name}.", nameof(symbols));
            }
        }
    }

    /// <summary>E.g. <c>ets registry issue CLASS QUANTITY --as USER [--key KEY] [--db DB]</c>.</summary>
    public string UsageLine { get; }
}
