using System.CommandLine;
using System.Globalization;
using OpenEts.Application.Forms;
using OpenEts.Application.Identity;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Cli.Registry;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;

namespace OpenEts.Cli.Offsets;

/// <summary>
/// <c>ets offsets …</c>: the offset project register on the server's database, one verb per workflow step (submit,
/// validate, return, register, attach, report, verify, return-report, issue, link), reads (list, show), and bulk filing
/// from a project workbook (import, template). Each step is parse → call → map: its options become the command's form,
/// <see cref="OffsetsCommandHandler"/> runs it as <c>--as</c>; exit 0 done, 1 refused, 2 usage.
/// </summary>
internal static class OffsetsCommand
{
    public static Command Build()
    {
        var db = new Option<string>("--db")
        {
            Description = "a SQLite file, or a PostgreSQL connection string or URL (default: OPENETS_DB, else data/openets.db)",
            HelpName = "DB",
            Recursive = true,
        };
        return new Command("offsets", "Offset projects (CCER, FFCER, PHCER) from filing to issuance (docs/offsets.md).")
        {
            db, List(db), Show(db), Submit(db), Validate(db), Return(db), Register(db), Attach(db), Report(db), Verify(db), ReturnReport(db),
            Issue(db), Link(db), Import(db), Template(),
        };
    }

    private static Option<string> AsOption() =>
        new("--as") { Description = "the platform user making the request", HelpName = "USER", Required = true };

    private static Option<string> Text(string name, string help, bool required = false) =>
        new(name) { Description = help, HelpName = "TEXT", Required = required };

    private static Option<decimal?> Number(string name, string help) => new(name) { Description = help, HelpName = "N" };

    private static Argument<long> Id(string name, string help) => new(name) { Description = help };

    private static Verb List(Option<string> db)
    {
        var programme = Text("--programme", "CCER, FFCER or PHCER");
        var status = Text("--status", "submitted, returned, validated or registered");
        var verb = new Verb("list", "List the public project register (from validation on).", "ets offsets list [--programme P] [--status S] [--db DB]",
            programme, status);
        verb.SetAction(async (r, ct) =>
        {
            await using var context = await RegistryContext.OpenAsync(r, db, ct).ConfigureAwait(false);
            if (context is null)
            {
                return ExitCode.Usage;
            }
            // A programme or status that is none is named with those there are, as the API does, rather than listing all.
            var read = new FieldReader();
            var of = OffsetsQueries.ProgrammeFilter(read, r.GetValue(programme));
            var wanted = OffsetsQueries.StatusFilter(read, r.GetValue(status), "--status");
            if (!read.IsValid)
            {
                return await context.UsageAsync(read.Errors.Select(e => $"{e.Message} (rule {e.Rule})")).ConfigureAwait(false);
            }
            var rows = await Queries(context).ProjectsAsync(null, of?.Type, wanted, ct).ConfigureAwait(false);
            await CliText.WriteListAsync(context.Out, [.. rows.Select(row => Invariant(
                $"{row.Project.Id,5}  {row.Project.Reference,-14} {row.Project.Status,-10} {row.Project.Details.Category,-18} {row.Project.Details.Province}  issued {row.Issued,10}  {row.Project.Details.Title}"))],
                "no public projects").ConfigureAwait(false);
            return ExitCode.Ok;
        });
        return verb;
    }

    private static Verb Show(Option<string> db)
    {
        var id = Id("ID", "the project's number");
        var verb = new Verb("show", "Show one public project: details, status history, documents, monitoring reports, issuances.",
            "ets offsets show ID [--db DB]", id);
        verb.SetAction(async (r, ct) =>
        {
            await using var context = await RegistryContext.OpenAsync(r, db, ct).ConfigureAwait(false);
            if (context is null)
            {
                return ExitCode.Usage;
            }
            if (await Queries(context).ProjectAsync(null, r.GetValue(id), ct).ConfigureAwait(false) is not { } d)
            {
                return await context.FailAsync($"no public project {r.GetValue(id)}").ConfigureAwait(false);
            }
            var p = d.Project;
            var lines = new List<string>
            {
                $"{p.Reference}  {p.Details.Title}  ({p.Status})",
                $"owner {d.Owner.Name} ({d.Owner.Code.Value}), account {p.HoldingAccount}",
                $"methodology {p.Details.Methodology}, category {p.Details.Category}, {p.Details.Province} {p.Details.City} {p.Details.County}",
                Invariant($"crediting {p.Details.CreditingStart:yyyy-MM-dd} – {p.Details.CreditingEnd:yyyy-MM-dd}, expected {p.Details.ExpectedPerYear} t/yr, CO2+CH4 {p.Details.GasSharePercent} %, pre-CDM {(p.Details.PreCdm ? "yes" : "no")}, designated area {(p.Details.DesignatedArea ? "yes" : "no")}"),
            };
            lines.AddRange(d.History.Select(h => Invariant($"  {CliText.Time(h.At)} {h.Step} by {(h.UserName.Length > 0 ? h.UserName + " " : "")}({h.Role}) {h.Comments}")));
            lines.AddRange(d.Documents.Select(x => $"  document {x.Id} {x.Kind} {x.FileName} sha256 {x.Sha256}"));
            lines.AddRange(d.Reports.Select(x => Invariant(
                $"  report {x.Id} {x.PeriodStart:yyyy-MM-dd}–{x.PeriodEnd:yyyy-MM-dd} {x.Status} claimed {x.Claimed.Value} verified {x.Verified} issued {x.IssuedToOwner}+{x.IssuedToBuffer}")));
            lines.AddRange(d.Issuances.Select(i => Invariant($"  issuance {i.Number} {i.OwnerSerials} ({i.OwnerQuantity}) buffer {i.BufferSerials} ({i.BufferQuantity})")));
            foreach (var line in lines)
            {
                await context.Out.WriteLineAsync(line).ConfigureAwait(false);
            }
            return ExitCode.Ok;
        });
        return verb;
    }

    private static Verb Submit(Option<string> db)
    {
        var programme = Text("--programme", "CCER, FFCER or PHCER", required: true);
        var account = Text("--account", "the holding account credits go to (one you represent)", required: true);
        var title = Text("--title", "the project's title", required: true);
        var methodology = Text("--methodology", "code and version, e.g. AR-CM-003-V01", required: true);
        var category = Text("--category", "forestry, hydropower, wind, solar, methane, energyEfficiency, lowCarbonBehaviour, other", required: true);
        var province = Text("--province", "host province code, e.g. FJ", required: true);
        var city = Text("--city", "host city", required: true);
        var start = Text("--crediting-start", "yyyy-MM-dd", required: true);
        var end = Text("--crediting-end", "yyyy-MM-dd", required: true);
        var expected = new Option<long?>("--expected") { Description = "expected reductions, t/yr", HelpName = "T", Required = true };
        var share = Number("--gas-share", "CO2 + CH4 share of the reductions, percent");
        var code = Text("--code", "the project code (default: the programme's next)");
        var scope = Text("--scope", "sectoral scope");
        var county = Text("--county", "host county or district");
        var lat = Number("--lat", "latitude");
        var lon = Number("--lon", "longitude");
        var boundary = Text("--boundary", "lat,lon; lat,lon; … (forestry: required)");
        var preCdm = new Option<bool>("--pre-cdm") { Description = "a pre-CDM project (CCER)" };
        var designated = new Option<bool>("--designated-area") { Description = "PHCER from a designated area" };
        var project = new Option<long?>("--project") { Description = "file a returned project again", HelpName = "ID" };
        return Step(db, "submit", "File a project (the owner's representative).",
            "ets offsets submit --programme P --account A --title T --methodology M --category C --province P --city C --crediting-start D "
            + "--crediting-end D --expected T --gas-share PCT [--code C] [--boundary B] [--pre-cdm] [--designated-area] [--project ID] --as USER [--db DB]",
            [programme, account, title, methodology, category, province, city, start, end, expected, share, code, scope, county, lat, lon, boundary,
                preCdm, designated, project],
            r => Parsed(SubmitProject.TryParse(new(r.GetValue(programme), r.GetValue(code), r.GetValue(account), r.GetValue(title),
                r.GetValue(methodology), r.GetValue(scope), r.GetValue(category), r.GetValue(province), r.GetValue(city), r.GetValue(county),
                r.GetValue(lat), r.GetValue(lon), r.GetValue(boundary), r.GetValue(start), r.GetValue(end), r.GetValue(expected), r.GetValue(preCdm),
                r.GetValue(share), r.GetValue(designated), r.GetValue(project)), out var c, out var e), c, e));
    }

    private static Verb Validate(Option<string> db)
    {
        var (id, opinion) = (Id("ID", "the project"), Text("--opinion", "the validation opinion", required: true));
        return Step(db, "validate", "Validate a submitted project (the programme's verifier).", "ets offsets validate ID --opinion TEXT --as USER [--db DB]",
            [id, opinion], r => Parsed(ValidateProject.TryParse(new(r.GetValue(id), r.GetValue(opinion)), out var c, out var e), c, e));
    }

    private static Verb Return(Option<string> db)
    {
        var (id, comments) = (Id("ID", "the project"), Text("--comments", "what to change", required: true));
        return Step(db, "return", "Return a project to its owner with comments (by the role that holds it).",
            "ets offsets return ID --comments TEXT --as USER [--db DB]", [id, comments],
            r => Parsed(ReturnProject.TryParse(new(r.GetValue(id), r.GetValue(comments)), out var c, out var e), c, e));
    }

    private static Verb Register(Option<string> db)
    {
        var (id, comments) = (Id("ID", "the project"), Text("--comments", "a note"));
        return Step(db, "register", "Register a validated project (the programme's regulator).", "ets offsets register ID [--comments TEXT] --as USER [--db DB]",
            [id, comments], r => Parsed(RegisterProject.TryParse(new(r.GetValue(id), r.GetValue(comments)), out var c, out var e), c, e));
    }

    private static Verb Attach(Option<string> db)
    {
        var id = Id("ID", "the project");
        var file = new Argument<string>("FILE") { Description = "the file to attach (≤ 10 MB)" };
        var kind = Text("--kind", "projectDesign, validation, monitoring, verification or evidence", required: true);
        var report = new Option<long?>("--report") { Description = "the monitoring report it belongs to", HelpName = "ID" };
        return Step(db, "attach", "Attach a document to a project; stored with its SHA-256.",
            "ets offsets attach ID FILE --kind KIND [--report ID] --as USER [--db DB]", [id, file, kind, report],
            r => File.Exists(r.GetValue(file))
                ? Parsed(AttachDocument.TryParse(new(r.GetValue(id), r.GetValue(report), r.GetValue(kind), r.GetValue(file), null,
                    File.ReadAllBytes(r.GetValue(file)!)), out var c, out var e), c, e)
                : (null, [new FieldError("FILE", "Required", $"file not found: {r.GetValue(file)}")]));
    }

    private static Verb Report(Option<string> db)
    {
        var id = Id("ID", "the registered project");
        var (from, to) = (Text("--from", "period start, yyyy-MM-dd", required: true), Text("--to", "period end, yyyy-MM-dd (same year)", required: true));
        var claimed = Number("--claimed", "tonnes claimed (non-forestry)");
        var species = Text("--species", "chinese-fir, masson-pine or mixed-broadleaf (forestry)");
        var area = Number("--area", "hectares (forestry)");
        var growth = Number("--growth", "stem-volume growth over the period, m³/ha (forestry)");
        var baseline = Number("--baseline", "baseline tCO2e (forestry)");
        var leakage = Number("--leakage", "leakage tCO2e (forestry)");
        var report = new Option<long?>("--report") { Description = "file a returned report again", HelpName = "ID" };
        return Step(db, "report", "File a monitoring report (the owner).",
            "ets offsets report ID --from D --to D (--claimed T | --species S --area HA --growth M3 [--baseline T] [--leakage T]) [--report ID] --as USER [--db DB]",
            [id, from, to, claimed, species, area, growth, baseline, leakage, report],
            r => Parsed(SubmitMonitoringReport.TryParse(new(r.GetValue(id), r.GetValue(from), r.GetValue(to), r.GetValue(claimed), r.GetValue(species),
                r.GetValue(area), r.GetValue(growth), r.GetValue(baseline), r.GetValue(leakage), Report: r.GetValue(report)), out var c, out var e), c, e));
    }

    private static Verb Verify(Option<string> db)
    {
        var id = Id("REPORT", "the monitoring report");
        var opinion = Text("--opinion", "the verification opinion", required: true);
        var verified = Number("--verified", "verified tonnes (non-forestry; default the claim)");
        var area = Number("--area", "restated hectares (forestry)");
        var growth = Number("--growth", "restated growth, m³/ha (forestry)");
        var (bef, root, density, carbon) = (Number("--bef", "restated biomass expansion factor (forestry)"),
            Number("--root-to-shoot", "restated root-to-shoot ratio (forestry)"), Number("--wood-density", "restated wood density, t/m³ (forestry)"),
            Number("--carbon-fraction", "restated carbon fraction (forestry)"));
        var basis = Text("--basis", "the basis of the restated parameters (plots re-measured, report checked)");
        return Step(db, "verify", "Verify a monitoring report (the programme's verifier).",
            "ets offsets verify REPORT --opinion TEXT [--verified T] [--area HA] [--growth M3] [--bef X] [--root-to-shoot X] [--wood-density X] [--carbon-fraction X] [--basis TEXT] --as USER [--db DB]",
            [id, opinion, verified, area, growth, bef, root, density, carbon, basis],
            r => Parsed(VerifyMonitoringReport.TryParse(new(r.GetValue(id), r.GetValue(opinion), r.GetValue(verified), r.GetValue(area),
                r.GetValue(growth), r.GetValue(bef), r.GetValue(root), r.GetValue(density), r.GetValue(carbon), r.GetValue(basis)), out var c, out var e), c, e));
    }

    private static Verb ReturnReport(Option<string> db)
    {
        var (id, comments) = (Id("REPORT", "the monitoring report"), Text("--comments", "what to change", required: true));
        return Step(db, "return-report", "Return a monitoring report to the owner with comments.",
            "ets offsets return-report REPORT --comments TEXT --as USER [--db DB]", [id, comments],
            r => Parsed(ReturnMonitoringReport.TryParse(new(r.GetValue(id), r.GetValue(comments)), out var c, out var e), c, e));
    }

    private static Verb Issue(Option<string> db)
    {
        var id = Id("REPORT", "the verified monitoring report");
        return Step(db, "issue", "Issue a verified report's credits into the owner's account, the buffer withheld (the regulator).",
            "ets offsets issue REPORT --as USER [--db DB]", [id], r => Parsed(IssueCredits.TryParse(new(r.GetValue(id)), out var c, out var e), c, e));
    }

    private static Verb Link(Option<string> db)
    {
        var id = Id("REPORT", "the verified monitoring report");
        return Step(db, "link", "Link a verified report to credits the registry issued before the project was registered here (the regulator).",
            "ets offsets link REPORT --as USER [--db DB]", [id], r => Parsed(LinkEarlierIssuance.TryParse(new(r.GetValue(id)), out var c, out var e), c, e));
    }

    private static Verb Import(Option<string> db)
    {
        var file = new Argument<string>("FILE") { Description = "a project workbook, .xlsx or .csv (ets offsets template)" };
        var actor = AsOption();
        var verb = new Verb("import", "File every project of a workbook; a file with any bad row files nothing.",
            "ets offsets import FILE --as USER [--db DB]", file, actor);
        verb.SetAction(async (r, ct) =>
        {
            var path = r.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb, [$"file not found: {path}"]).ConfigureAwait(false);
            }
            await using var context = await RegistryContext.OpenAsync(r, db, ct).ConfigureAwait(false);
            if (context is null)
            {
                return ExitCode.Usage;
            }
            await using var stream = File.OpenRead(path);
            var (projects, errors) = ProjectWorkbook.Read(stream, path);
            if (errors.Count > 0)
            {
                foreach (var e in errors)
                {
                    // As the registry's sheets: the row and column when the problem has them (not for a file that does not read).
                    var at = e.Row < 1 ? "" : Invariant($"row {e.Row}{(e.Column.Length > 0 ? ", column " + e.Column : "")}: ");
                    await context.Err.WriteLineAsync($"{context.Name}: {path}: {at}{CliText.Problem(e.Field, e.Field, e.Message)} (rule {e.Rule})").ConfigureAwait(false);
                }
                return await context.FailAsync($"{CliText.Count(errors.Count, "problem", "problems")} in {path}; nothing filed").ConfigureAwait(false);
            }
            if (await context.ActorAsync(r.GetRequiredValue(actor), ct).ConfigureAwait(false) is not { } who)
            {
                return await context.FailAsync($"refused: --as: there is no platform user '{r.GetRequiredValue(actor)}' (rule UnknownUser)").ConfigureAwait(false);
            }
            var batch = await Handler(context).HandleAllAsync(who, [.. projects.Select(p => (IOffsetsCommand)p.Command)], ct).ConfigureAwait(false);
            if (batch.Stopped is { } stopped)
            {
                // The row's refusal first, then what it means for the file (as allocate-file says it).
                var exit = await ReportAsync(context, stopped, who, $"{path}: row {projects[batch.StoppedAt].Row}: ").ConfigureAwait(false);
                await context.Err.WriteLineAsync(Invariant(
                    $"{context.Name}: row {projects[batch.StoppedAt].Row} was refused, so no project of {path} was filed (fix it and run the same file again)"))
                    .ConfigureAwait(false);
                return exit;
            }
            for (var i = 0; i < batch.Completed.Count; i++)
            {
                await ReportAsync(context, batch.Completed[i], who, $"row {projects[i].Row}: ").ConfigureAwait(false);
            }
            return ExitCode.Ok;
        });
        return verb;
    }

    private static Verb Template()
    {
        var output = new Option<string>("--output", "-o") { Description = "the .xlsx file to write", Required = true };
        var verb = new Verb("template", "Write the project workbook template (.xlsx).", "ets offsets template -o FILE.xlsx", output);
        verb.SetAction(async (r, ct) =>
        {
            var buffer = new MemoryStream();
            ProjectWorkbook.WriteTemplate(buffer);
            await File.WriteAllBytesAsync(r.GetRequiredValue(output), buffer.ToArray(), ct).ConfigureAwait(false);
            await r.InvocationConfiguration.Output.WriteLineAsync($"wrote the project workbook template to {r.GetRequiredValue(output)}").ConfigureAwait(false);
            return ExitCode.Ok;
        });
        return verb;
    }

    private static Verb Step(Option<string> db, string name, string description, string usage, Symbol[] symbols,
        Func<ParseResult, (IOffsetsCommand? Command, IReadOnlyList<FieldError> Errors)> parse)
    {
        var actor = AsOption();
        var verb = new Verb(name, description, usage, [.. symbols.OfType<Argument>(), actor, .. symbols.OfType<Option>()]);
        verb.SetAction(async (result, ct) =>
        {
            var (command, errors) = parse(result);
            if (command is null)
            {
                return await CommandUsage.ErrorAsync(result.InvocationConfiguration.Error, verb, errors.Select(e => e.Message)).ConfigureAwait(false);
            }
            return await RegistryContext.RunAsAsync(result, db, actor, async (context, who) =>
                await ReportAsync(context, await Handler(context).HandleAsync(who, command, ct).ConfigureAwait(false), who, "").ConfigureAwait(false),
                ct).ConfigureAwait(false);
        });
        return verb;
    }

    private static (IOffsetsCommand? Command, IReadOnlyList<FieldError> Errors) Parsed(
        bool ok, IOffsetsCommand? command, IReadOnlyList<FieldError> errors) => ok ? (command, []) : (null, errors);

    private static OffsetsQueries Queries(RegistryContext context) => new(context.Store, new RegistryQueries(context.Registry));

    private static OffsetsCommandHandler Handler(RegistryContext context) =>
        new(context.Store, context.Handler, new RegistryQueries(context.Registry), TimeProvider.System);

    private static async Task<int> ReportAsync(RegistryContext context, OffsetsCommandOutcome outcome, Actor who, string prefix)
    {
        switch (outcome)
        {
            case OffsetsCommandOutcome.Completed c:
                await context.Out.WriteLineAsync(prefix + Invariant(
                    $"{c.Event}: {c.Project.Reference} (project {c.Project.Id}) {c.Project.Status}{(c.Report is { } m ? $", report {m.Id} {m.Status}" : "")}{(c.Document is { } d ? $", document {d.Id} sha256 {d.Sha256}" : "")}"))
                    .ConfigureAwait(false);
                return ExitCode.Ok;
            case OffsetsCommandOutcome.Refused { Kind: Application.Registry.RefusalKind.Malformed } r:
                return await context.UsageAsync([$"{prefix}{r.Field}: {r.Message} (rule {r.Rule})"]).ConfigureAwait(false);
            case OffsetsCommandOutcome.Refused r:
                return await context.FailAsync($"{prefix}refused: {r.Field}: {r.Message} (rule {r.Rule})").ConfigureAwait(false);
            case OffsetsCommandOutcome.NotFound:
                return await context.FailAsync($"{prefix}refused: no such project or report you may see (rule NotFound)").ConfigureAwait(false);
            case OffsetsCommandOutcome.Forbidden f:
                return await context.FailAsync($"{prefix}refused: --as: user '{who.UserName}' has the role {who.Role}; this needs "
                    + $"{string.Join(" or ", f.Allowed)} (rule NotPermitted)").ConfigureAwait(false);
            case OffsetsCommandOutcome.Invalid i:
                foreach (var e in i.Errors.SkipLast(1))
                {
                    await context.Err.WriteLineAsync($"{context.Name}: {prefix}refused: {e.Message} (rule {e.Rule})").ConfigureAwait(false);
                }
                return await context.FailAsync($"{prefix}refused: {i.Errors[^1].Message} (rule {i.Errors[^1].Rule})").ConfigureAwait(false);
            default:
                throw new InvalidOperationException("unknown offsets outcome");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
