namespace OpenEts.Server.Hosting;

/// <summary>
/// The server's own options: <c>--help</c> lists them, and a misspelt one (<c>--prot 5000</c>, <c>--dbb x.db</c>) stops
/// the start with one line naming it instead of being ignored and starting the demo. ASP.NET Core's host settings
/// (<c>--urls</c>, <c>--environment</c>, …) and configuration sections (<c>--Logging:LogLevel:Default=Warning</c>,
/// <c>--Energy:Cards:EscalateEvery=off</c>) pass through as before.
/// </summary>
public static class ServerCommandLine
{
    // A flag stands alone (or takes =true/=false); any other option takes a value, after it or joined with =. Env is the
    // environment variable that sets the same thing; the test host (and an operator) may also pass it as --ENV=VALUE.
    private sealed record Option(string Name, string? Value, string Meaning, string Env, string? Default = null, bool Flag = false)
    {
        public string Help => $"{Meaning} ({Env})" + (Default is null ? "" : $"; default: {Default}");
    }

    private static readonly Option[] Options =
    [
        new("db", "CONNECTION", "PostgreSQL connection string, or a SQLite file whose folder exists", "OPENETS_DB", "the embedded demo database"),
        new("demo", null, "seed the demo market on a named database too", "OPENETS_DEMO=true", Flag: true),
        new("urls", "URLS", "where to listen", "ASPNETCORE_URLS", "http://127.0.0.1:5080"),
        new("signing-key", "PEM", "the journal signing key, ECDSA P-256", "OPENETS_SIGNING_KEY", "created next to the database"),
        new("key-ring-certificate", "PEM|PFX", "certificate that encrypts the sign-in key ring at rest", "OPENETS_KEY_RING_CERTIFICATE"),
        new("require-2fa-for-tokens", "[=true|false]", "creating an API token needs two-factor sign-in", "OPENETS_REQUIRE_2FA_FOR_TOKENS", Flag: true),
        new("require-2fa-for-roles", "ROLES|none", "roles that must enrol in two-factor sign-in", "OPENETS_REQUIRE_2FA_FOR_ROLES"),
        new("trusted-proxies", "ADDRESSES", "proxies whose X-Forwarded-For/-Proto are believed", "OPENETS_TRUSTED_PROXIES"),
        new("time-zone", "ZONE", "the zone pages show times in", "OPENETS_TIME_ZONE", "Asia/Shanghai"),
        new("snapshot-interval", "N", "registry journal entries between automatic snapshots, 0 for none", "OPENETS_SNAPSHOT_INTERVAL"),
        new("exchange-snapshot-interval", "N", "exchange inputs between automatic snapshots of the order books, 0 for none", "OPENETS_EXCHANGE_SNAPSHOT_INTERVAL", "100000"),
        new("nats", "URL", "carbon inclusion's partner events through NATS JetStream, e.g. nats://127.0.0.1:4222", "OPENETS_NATS", "in process"),
        new("inclusion-queue", "[=true|false]", "carbon inclusion's partner batches queued in the database, recorded in the background", "OPENETS_INCLUSION_QUEUE=true", Flag: true),
    ];

    // What else the configuration reader takes from the command line: the options' environment names, the environment
    // setting that has no option of its own, and ASP.NET Core's host settings.
    private static readonly string[] HostSettings =
    [
        .. Options.Select(o => o.Env.Split('=')[0]),
        "OPENETS_KEY_RING_CERTIFICATE_PASSWORD",
        "applicationName", "environment", "contentRoot", "webroot", "http_ports", "https_ports", "hostingStartupAssemblies",
        "hostingStartupExcludeAssemblies", "preventHostingStartup", "suppressStatusMessages", "detailedErrors",
        "shutdownTimeoutSeconds", "captureStartupErrors", "pathbase",
    ];

    /// <summary>The text <c>--help</c> prints.</summary>
    public static string Usage
    {
        get
        {
            var lines = new List<string>
            {
                "usage: OpenEts.Server [options]   (dotnet run --project src/OpenEts.Server -- [options])",
                "",
                "With no options the server runs the demo market on an embedded SQLite database under data/.",
                "",
            };
            foreach (var option in Options)
            {
                var left = option.Value is null ? $"--{option.Name}" : option.Flag ? $"--{option.Name}{option.Value}" : $"--{option.Name} {option.Value}";
                lines.Add($"  {left,-36} {option.Help}");
            }
            lines.Add($"  {"--help",-36} this text");
            lines.Add("");
            lines.Add("ASP.NET Core settings pass through as SECTION:KEY=VALUE, e.g. --Logging:LogLevel:Default=Information.");
            lines.Add("docs/deployment.md explains each option.");
            return string.Join('\n', lines) + "\n";
        }
    }

    /// <summary>Whether the command line asks for the usage text.</summary>
    public static bool WantsHelp(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Any(a => a is "--help" or "-h" or "-?");
    }

    /// <summary>
    /// The arguments as the configuration reader should see them: a bare flag becomes <c>--flag=true</c>, since the reader
    /// would otherwise take the next option (<c>--demo --db x.db</c>) as the flag's value and lose it.
    /// </summary>
    public static string[] Normalise(IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return [.. args.Select(a => Options.Any(o => o.Flag && a == "--" + o.Name) ? a + "=true" : a)];
    }

    /// <summary>Refuses an option the server does not know, naming it; a value follows its option or is joined with =.</summary>
    /// <exception cref="StartupException">An unknown option, or a word that belongs to no option.</exception>
    public static void Check(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new StartupException($"'{arg}' belongs to no option; --help lists the options.");
            }
            var name = arg[2..];
            var joined = name.IndexOf('=', StringComparison.Ordinal);
            if (joined >= 0)
            {
                name = name[..joined];
            }
            var known = Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
            // A section's own name (--Energy= beside --Energy:Cards:EscalateEvery=…, as the test host writes them) passes too.
            var passes = name.Contains(':', StringComparison.Ordinal)
                || HostSettings.Contains(name, StringComparer.OrdinalIgnoreCase)
                || args.Any(a => a.StartsWith("--" + name + ":", StringComparison.OrdinalIgnoreCase));
            if (known is null && !passes)
            {
                throw new StartupException($"unknown option --{name}; --help lists the options.");
            }
            var takesValue = known is null || !known.Flag;
            if (joined < 0 && takesValue)
            {
                if (i + 1 >= args.Count)
                {
                    throw new StartupException($"--{name} needs a value; --help lists the options.");
                }
                i++;
            }
        }
    }
}
