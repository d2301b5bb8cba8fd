using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OpenEts.Cli.Registry;

/// <summary>
/// The arguments of one <c>ets registry</c> command: positional values, and <c>--name VALUE</c> options from a fixed
/// set, each given at most once unless the command lets it repeat (<c>--rep A --rep B</c>). Anything else is a usage
/// error, reported in <see cref="Error"/>.
/// </summary>
internal sealed class RegistryArguments
{
    /// <summary>The default database, as the server's: <c>OPENETS_DB</c>, else <c>data/openets.db</c>.</summary>
    public static string DefaultDatabase =>
        Environment.GetEnvironmentVariable("OPENETS_DB") is { Length: > 0 } db ? db : Path.Combine("data", "openets.db");

    private readonly Dictionary<string, List<string>> _options;

    private RegistryArguments(List<string> positionals, Dictionary<string, List<string>> options, string? error)
    {
        Positionals = positionals;
        _options = options;
        Error = error;
    }

    public IReadOnlyList<string> Positionals { get; }

    /// <summary>Why the arguments are malformed, or null.</summary>
    public string? Error { get; }

    public string Database => Option("db") ?? DefaultDatabase;

    /// <summary>
    /// Splits <paramref name="args"/>; <paramref name="allowed"/> names the options (without <c>--</c>) this command
    /// takes, and <paramref name="repeatable"/> those of them that may be given more than once.
    /// </summary>
    public static RegistryArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> allowed,
        IReadOnlyCollection<string>? repeatable = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(allowed);
        var positionals = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(arg);
                continue;
            }
            var name = arg[2..];
            string? value = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            if (name != "db" && !allowed.Contains(name))
            {
                return new RegistryArguments(positionals, options, $"unknown option '--{name}'");
            }
            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    return new RegistryArguments(positionals, options, $"option '--{name}' needs a value");
                }
                value = args[++i];
            }
            if (!options.TryGetValue(name, out var values))
            {
                options.Add(name, [value]);
            }
            else if (repeatable?.Contains(name) == true)
            {
                values.Add(value);
            }
            else
            {
                return new RegistryArguments(positionals, options, $"option '--{name}' given twice");
            }
        }
        return new RegistryArguments(positionals, options, null);
    }

    public string? Option(string name) => _options.TryGetValue(name, out var values) ? values[0] : null;

    /// <summary>Every value of a repeatable option, in the order given; empty when it was not given.</summary>
    public IReadOnlyList<string> Options(string name) => _options.TryGetValue(name, out var values) ? values : [];

    /// <summary>Parses a whole number (digits only, no sign, no decimals).</summary>
    public static bool TryWhole(string? text, out long value) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>True when the database text names a SQLite file that does not exist (a typo would otherwise make an empty one).</summary>
    public static bool IsMissingSqliteFile(string database, [NotNullWhen(true)] out string? path)
    {
        path = null;
        if (OpenEts.Storage.SqlStore.IsPostgres(database) || database.Contains('=', StringComparison.Ordinal)
            || database == ":memory:" || File.Exists(database))
        {
            return false;
        }
        path = database;
        return true;
    }
}
