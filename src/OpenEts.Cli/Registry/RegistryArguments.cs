using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OpenEts.Cli.Registry;

/// <summary>
/// The arguments of one <c>ets registry</c> command: positional values, and <c>--name VALUE</c> options from a fixed
/// set. Anything else is a usage error, reported in <see cref="Error"/>.
/// </summary>
internal sealed class RegistryArguments
{
    /// <summary>The default database, as the server's: <c>OPENETS_DB</c>, else <c>data/openets.db</c>.</summary>
    public static string DefaultDatabase =>
        Environment.GetEnvironmentVariable("OPENETS_DB") is { Length: > 0 } db ? db : Path.Combine("data", "openets.db");

    private readonly Dictionary<string, string> _options;

    private RegistryArguments(List<string> positionals, Dictionary<string, string> options, string? error)
    {
        Positionals = positionals;
        _options = options;
        Error = error;
    }

    public IReadOnlyList<string> Positionals { get; }

    /// <summary>Why the arguments are malformed, or null.</summary>
    public string? Error { get; }

    public string Database => Option("db") ?? DefaultDatabase;

    /// <summary>Splits <paramref name="args"/>; <paramref name="allowed"/> names the options (without <c>--</c>) this command takes.</summary>
    public static RegistryArguments Parse(IReadOnlyList<string> args, params string[] allowed)
    {
        var positionals = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
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
            if (!options.TryAdd(name, value))
            {
                return new RegistryArguments(positionals, options, $"option '--{name}' given twice");
            }
        }
        return new RegistryArguments(positionals, options, null);
    }

    public string? Option(string name) => _options.TryGetValue(name, out var value) ? value : null;

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
