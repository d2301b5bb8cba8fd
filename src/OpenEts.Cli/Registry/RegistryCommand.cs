using OpenEts.Domain.Identity;
using OpenEts.Domain.Registry;

namespace OpenEts.Cli.Registry;

/// <summary>
/// <c>ets registry …</c>: the carbon registry from the server machine, on the same database as the server
/// (<c>--db</c>, else <c>OPENETS_DB</c>, else <c>data/openets.db</c>). Requests act as the platform user named by
/// <c>--as</c>, who needs the role the API would require; the registry then checks representatives and the regulator
/// exactly as for the API. Exit codes: 0 ok, 1 refused or failed check, 2 usage error (docs/cli.md).
/// </summary>
internal static partial class RegistryCommand
{
    private static readonly Role[] Regulator = [Role.Regulator];
    private static readonly Role[] Holders = [Role.ExchangeMember, Role.CompanyRepresentative];

    /// <summary>Options a command may take more than once.</summary>
    private static readonly string[] Repeatable = ["rep"];

    /// <summary>How long a proposal stays open: to the end of the UTC day a week on, as in the API.</summary>
    private static readonly TimeSpan Expiry = TimeSpan.FromDays(7);

    private static readonly Dictionary<string, string> Usages = new(StringComparer.Ordinal)
    {
        ["accounts"] = "ets registry accounts [--db DB]",
        ["holdings"] = "ets registry holdings ACCOUNT [--format table|csv] [--db DB]",
        ["history"] = "ets registry history ACCOUNT [--kind KIND] [--class CLASS] [--since DATE] [--until DATE] [--format table|csv] [--db DB]",
        ["serial"] = "ets registry serial CLASS SERIAL [--db DB]",
        ["issue"] = "ets registry issue CLASS QUANTITY --as USER [--key KEY] [--db DB]",
        ["allocate"] = "ets registry allocate TO CLASS QUANTITY --as USER [--key KEY] [--db DB]",
        ["transfer propose"] = "ets registry transfer propose FROM TO CLASS QUANTITY --as USER [--key KEY] [--db DB]",
        ["transfer approve"] = "ets registry transfer approve ID --as USER [--key KEY] [--db DB]",
        ["transfer reject"] = "ets registry transfer reject ID --as USER --reason TEXT [--key KEY] [--db DB]",
        ["surrender"] = "ets registry surrender FROM CLASS QUANTITY --year YYYY --as USER [--key KEY] [--db DB]",
        ["open-account"] = "ets registry open-account NUMBER KIND HOLDER-NAME --rep USER --rep USER [--rep USER…] --as USER [--key KEY] [--db DB]",
        ["block"] = "ets registry block ACCOUNT --reason TEXT --as USER [--key KEY] [--db DB]",
        ["unblock"] = "ets registry unblock ACCOUNT --reason TEXT --as USER [--key KEY] [--db DB]",
        ["close"] = "ets registry close ACCOUNT --reason TEXT --as USER [--key KEY] [--db DB]",
        ["add-rep"] = "ets registry add-rep ACCOUNT USER --as USER [--key KEY] [--db DB]",
        ["remove-rep"] = "ets registry remove-rep ACCOUNT USER --as USER [--key KEY] [--db DB]",
        ["cancel"] = "ets registry cancel FROM CLASS QUANTITY --reason TEXT --as USER [--key KEY] [--db DB]",
        ["correct"] = "ets registry correct FROM TO CLASS (QUANTITY | --serials FIRST-LAST) --reason TEXT --as USER [--key KEY] [--db DB]",
        ["verify"] = "ets registry verify [--db DB]",
        ["allocate-file"] = "ets registry allocate-file FILE.xlsx|FILE.csv --as USER [--db DB]",
        ["issue-file"] = "ets registry issue-file FILE.xlsx|FILE.csv --as USER [--db DB]",
    };

    /// <summary>Every registry command's usage line, for <c>ets help</c>.</summary>
    public static IEnumerable<string> UsageLines => Usages.Values;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0)
        {
            return await UsageAsync(stderr, null, "missing command").ConfigureAwait(false);
        }
        var verb = args[0];
        var rest = args[1..];
        if (verb == "transfer")
        {
            if (rest.Length == 0 || rest[0] is not ("propose" or "approve" or "reject"))
            {
                return await UsageAsync(stderr, null, "transfer needs propose, approve or reject").ConfigureAwait(false);
            }
            verb = "transfer " + rest[0];
            rest = rest[1..];
        }
        var (options, positionals) = verb switch
        {
            "accounts" or "verify" => (Array.Empty<string>(), 0),
            "holdings" => (["format"], 1),
            "history" => (["kind", "class", "since", "until", "format"], 1),
            "serial" => ([], 2),
            "issue" => (["as", "key"], 2),
            "allocate" => (["as", "key"], 3),
            "transfer propose" => (["as", "key"], 4),
            "transfer approve" => (["as", "key"], 1),
            "transfer reject" => (["as", "key", "reason"], 1),
            "surrender" => (["as", "key", "year"], 3),
            "allocate-file" or "issue-file" => (["as"], 1),
            "open-account" => (["as", "key", "rep"], 3),
            "block" or "unblock" or "close" => (["as", "key", "reason"], 1),
            "add-rep" or "remove-rep" => (["as", "key"], 2),
            "cancel" => (["as", "key", "reason"], 3),
            "correct" => (["as", "key", "reason", "serials"], 4),
            _ => ((string[]?)null, -1),
        };
        if (options is null)
        {
            return await UsageAsync(stderr, null, $"unknown command '{verb}'").ConfigureAwait(false);
        }
        var a = RegistryArguments.Parse(rest, options, Repeatable);
        if (a.Error is { } error)
        {
            return await UsageAsync(stderr, verb, error).ConfigureAwait(false);
        }
        if (verb == "correct" && a.Option("serials") is not null)
        {
            positionals--; // --serials FIRST-LAST stands for QUANTITY
        }
        if (a.Positionals.Count != positionals)
        {
            return await UsageAsync(stderr, verb, $"expected {positionals} argument(s), got {a.Positionals.Count}").ConfigureAwait(false);
        }
        if (options.Contains("as") && string.IsNullOrWhiteSpace(a.Option("as")))
        {
            return await UsageAsync(stderr, verb, "--as USER is required").ConfigureAwait(false);
        }
        if (a.Option("format") is { } format && format is not ("table" or "csv"))
        {
            return await UsageAsync(stderr, verb, $"--format must be table or csv, not '{format}'").ConfigureAwait(false);
        }
        if (a.Option("key") is { } key && (key.Trim().Length == 0 || key.Length > IdempotencyKey.MaxLength || key.Any(char.IsControl)))
        {
            return await UsageAsync(stderr, verb, $"--key must be 1–{IdempotencyKey.MaxLength} printable characters").ConfigureAwait(false);
        }
        if (RegistryArguments.IsMissingSqliteFile(a.Database, out var missing))
        {
            return await UsageAsync(stderr, verb, $"no database file '{missing}' (give --db, or set OPENETS_DB)").ConfigureAwait(false);
        }

        var ct = CancellationToken.None;
        await using var context = await RegistryContext.OpenAsync(a.Database, "ets registry " + verb, stdout, stderr, ct)
            .ConfigureAwait(false);
        return verb switch
        {
            "accounts" => await AccountsAsync(context, ct).ConfigureAwait(false),
            "holdings" => await HoldingsAsync(context, a, ct).ConfigureAwait(false),
            "history" => await HistoryAsync(context, a, ct).ConfigureAwait(false),
            "serial" => await SerialAsync(context, a, ct).ConfigureAwait(false),
            "verify" => await VerifyAsync(context, ct).ConfigureAwait(false),
            "issue" => await IssueAsync(context, a, ct).ConfigureAwait(false),
            "allocate" => await AllocateAsync(context, a, ct).ConfigureAwait(false),
            "transfer propose" => await ProposeAsync(context, a, ct).ConfigureAwait(false),
            "transfer approve" => await ApproveAsync(context, a, ct).ConfigureAwait(false),
            "transfer reject" => await RejectAsync(context, a, ct).ConfigureAwait(false),
            "surrender" => await SurrenderAsync(context, a, ct).ConfigureAwait(false),
            "allocate-file" => await FileAsync(context, a, allocation: true, ct).ConfigureAwait(false),
            "open-account" => await OpenAccountAsync(context, a, ct).ConfigureAwait(false),
            "block" or "unblock" or "close" => await ChangeStateAsync(context, a, verb, ct).ConfigureAwait(false),
            "add-rep" or "remove-rep" => await RepresentativeAsync(context, a, add: verb == "add-rep", ct).ConfigureAwait(false),
            "cancel" => await CancelAsync(context, a, ct).ConfigureAwait(false),
            "correct" => await CorrectAsync(context, a, ct).ConfigureAwait(false),
            _ => await FileAsync(context, a, allocation: false, ct).ConfigureAwait(false),
        };
    }

    private static async Task<int> UsageAsync(TextWriter stderr, string? verb, string problem)
    {
        var usage = verb is not null && Usages.TryGetValue(verb, out var line)
            ? "usage: " + line
            : "usage:\n  " + string.Join("\n  ", Usages.Values);
        await stderr.WriteLineAsync($"ets registry{(verb is null ? "" : " " + verb)}: {problem}\n{usage}").ConfigureAwait(false);
        return CommandRouter.Usage;
    }

    // Parses an argument or writes a usage error; these run after the store is open, so they report through context.
    private static async Task<int> BadArgumentAsync(RegistryContext context, string problem)
    {
        var verb = context.Command["ets registry ".Length..];
        return await UsageAsync(context.Err, verb, problem).ConfigureAwait(false);
    }

    private static bool TryAccount(string text, out AccountNumber account, out string problem)
    {
        problem = $"'{text}' is not an account number (1–{AccountNumber.MaxLength} of A–Z, a–z, 0–9, -)";
        return AccountNumber.TryCreate(text, out account);
    }

    private static bool TryClass(string text, out UnitClass unitClass, out string problem)
    {
        problem = $"'{text}' is not a unit class (e.g. GDEA-2017, CEA-2021, CCER)";
        return UnitClass.TryParse(text, out unitClass);
    }

    private static bool TryQuantity(string text, out long quantity, out string problem)
    {
        problem = $"the quantity must be a whole number ≥ 1, not '{text}'";
        return RegistryArguments.TryWhole(text, out quantity) && quantity >= 1;
    }

    private static IdempotencyKey KeyOr(RegistryArguments a, string fallback) =>
        IdempotencyKey.From(a.Option("key") ?? fallback);

    private static string NewKey() => "cli:" + Guid.NewGuid().ToString("N");
}
