using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenEts.Application.Files;
using OpenEts.Application.Inclusion;
using OpenEts.Cli.Registry;

namespace OpenEts.Cli.Inclusion;

// The partners' quality dashboard (数据质量) for those who oversee the programmes: rejections by partner, programme, Beijing
// day received and reason, as a table, as JSON (--json) or as the dashboard's .xlsx (--xlsx FILE). Exit 0 shown, 1 refused
// (the actor may not oversee the programmes), 2 usage (a bad programme or date).
internal static partial class InclusionCommand
{
    private static Verb Quality(Option<string> db)
    {
        var actor = AsOption("the regulator, auditor, verifier or programme operator");
        var programme = new Option<string?>("--programme") { Description = "one programme's code (default: every programme)", HelpName = "CODE" };
        var from = new Option<string?>("--from") { Description = "the first Beijing day received, yyyy-MM-dd (default: the last 30 days)", HelpName = "DAY" };
        var to = new Option<string?>("--to") { Description = "the last Beijing day received, yyyy-MM-dd", HelpName = "DAY" };
        var json = new Option<bool>("--json") { Description = "machine output: one JSON object with every counter" };
        var xlsx = new Option<string?>("--xlsx") { Description = "write the counters as .xlsx to FILE (one row per counter, Chinese headers)", HelpName = "FILE" };
        var verb = new Verb("quality", "The partners' quality dashboard: events accepted, and rejected by partner, programme, day and reason (docs/inclusion.md).",
            "ets inclusion quality --as USER [--programme CODE] [--from DAY --to DAY] [--json | --xlsx FILE] [--db DB]", actor, programme, from, to, json, xlsx);
        verb.SetAction(async (r, ct) =>
        {
            var file = r.GetValue(xlsx);
            if (file is not null && (r.GetValue(json) || !file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)))
            {
                return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb, ["--xlsx: an .xlsx file, and not with --json"]).ConfigureAwait(false);
            }
            // The usage pairs them: one alone would otherwise be told that the other "is a date" it never typed.
            if ((r.GetValue(from) is null) != (r.GetValue(to) is null))
            {
                return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb,
                    [$"{(r.GetValue(from) is null ? "--from" : "--to")}: give --from and --to together (without both, the last 30 days)"]).ConfigureAwait(false);
            }
            return await RegistryContext.RunAsAsync(r, db, actor, async (context, who) =>
            {
                var queries = new InclusionQueries(context.Store, InclusionProgrammes.Shipped, TimeProvider.System);
                if (!queries.TryReadQualityFilter(r.GetValue(programme), r.GetValue(from), r.GetValue(to), out var filter, out var errors))
                {
                    return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb, errors.Select(e => CliText.Problem("--" + e.Field, e.Field, e.Message))).ConfigureAwait(false);
                }
                if (await queries.QualityAsync(who, filter.Programme, filter.From, filter.To, ct).ConfigureAwait(false) is not { } dashboard)
                {
                    // Null for a role that oversees no programme, or for a company representative asking about a programme its
                    // organisation does not operate.
                    return await context.FailAsync(InclusionQueries.MayOversee(who)
                        ? $"refused: {filter.Programme} is operated by another organisation: a company representative reads only its own programmes' dashboard (rule NotOwner)"
                        : $"refused: only {string.Join(", ", InclusionRoles.Overseers)} may read the quality dashboard (rule Role)").ConfigureAwait(false);
                }
                if (file is not null)
                {
                    await using (var output = File.Create(file))
                    {
                        TabularWriter.WriteXlsx(output, QualitySheet.Header, QualitySheet.Rows(dashboard));
                    }
                    await context.Out.WriteLineAsync($"done: {CliText.Count(dashboard.Rows.Count, "counter", "counters")} of {dashboard.From:yyyy-MM-dd} – {dashboard.To:yyyy-MM-dd} → {file}")
                        .ConfigureAwait(false);
                }
                else
                {
                    await context.Out.WriteAsync(r.GetValue(json) ? QualityJson(dashboard) : QualityTable(dashboard)).ConfigureAwait(false);
                }
                return ExitCode.Ok;
            }, ct).ConfigureAwait(false);
        });
        return verb;
    }

    /// <summary>The span's totals, then each partner's line, then the rejections by day, partner, programme and reason.</summary>
    private static string QualityTable(QualityDashboard d)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"quality {d.Programme ?? "all programmes"} {d.From:yyyy-MM-dd} – {d.To:yyyy-MM-dd}: ")
            .Append(c, $"{d.Accepted} accepted, {d.Rejected} rejected ({QualityDashboard.RatePercent(d.Accepted, d.Rejected):0.00} %)").AppendLine();
        text.AppendLine().AppendLine(c, $"{"partner",-28} {"programme",-22} {"accepted",9} {"rejected",9} {"rate %",7}");
        foreach (var p in d.ByPartner)
        {
            text.AppendLine(c, $"{PartnerLabel(d, p.Partner),-28} {p.Programme,-22} {p.Accepted,9} {p.Rejected,9} {QualityDashboard.RatePercent(p.Accepted, p.Rejected),7:0.00}");
        }
        text.AppendLine().AppendLine(c, $"{"day",-10} {"partner",-28} {"programme",-22} {"reason",-20} {"events",7}");
        foreach (var row in d.Rows.Where(r => !r.IsAccepted).OrderBy(r => r.Day).ThenBy(r => r.Partner).ThenBy(r => r.Programme, StringComparer.Ordinal)
            .ThenBy(r => r.Outcome, StringComparer.Ordinal))
        {
            text.AppendLine(c, $"{row.Day:yyyy-MM-dd} {PartnerLabel(d, row.Partner),-28} {row.Programme,-22} {row.Outcome,-20} {row.Events,7}");
        }
        return text.ToString();
    }

    private static string PartnerLabel(QualityDashboard d, long partner) =>
        partner == QualityCount.Direct ? "0 (recorded directly)" : string.Create(CultureInfo.InvariantCulture, $"{partner} {d.NameOf(partner)}");

    private static string QualityJson(QualityDashboard d)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("programme", d.Programme);
            w.WriteString("from", d.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("to", d.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("accepted", d.Accepted);
            w.WriteNumber("rejected", d.Rejected);
            w.WriteNumber("rejectedPercent", QualityDashboard.RatePercent(d.Accepted, d.Rejected));
            w.WriteStartArray("partners");
            foreach (var p in d.ByPartner)
            {
                w.WriteStartObject();
                w.WriteNumber("partner", p.Partner);
                w.WriteString("name", p.Name);
                w.WriteString("programme", p.Programme);
                w.WriteNumber("accepted", p.Accepted);
                w.WriteNumber("rejected", p.Rejected);
                w.WriteStartObject("rejectedBy");
                foreach (var (reason, events) in p.RejectedBy.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    w.WriteNumber(reason, events);
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("counts");
            foreach (var row in d.Rows)
            {
                w.WriteStartObject();
                w.WriteString("day", row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteNumber("partner", row.Partner);
                w.WriteString("programme", row.Programme);
                w.WriteString("outcome", row.Outcome);
                w.WriteNumber("events", row.Events);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }
}
