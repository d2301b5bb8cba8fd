using System.CommandLine;
using System.Globalization;
using OpenEts.Application.Inclusion;
using OpenEts.Cli.Registry;

namespace OpenEts.Cli.Inclusion;

// The verifier's sample of an aggregation: draw it, record findings from a file, verify on it; prints the sample as CSV
// (citizens by the sample's pseudonym). Exit 0 done, 1 refused, 2 usage.
internal static partial class InclusionCommand
{
    private static Verb Sample(Option<string> db)
    {
        var aggregation = new Argument<long>("AGGREGATION") { Description = "the aggregation's id (on /Inclusion/Aggregate)" };
        var actor = AsOption("the verifier (or the regulator or auditor, to read)");
        var draw = new Option<bool>("--draw") { Description = "draw the sample (drawn once; again shows the same)" };
        var findings = new Option<string?>("--findings")
        {
            Description = "a CSV file of findings, one a line: ordinal,confirmed|notSupported,reason", HelpName = "FILE.csv",
        };
        var verify = new Option<string?>("--verify") { Description = "verify the aggregation on its checked sample with this opinion", HelpName = "OPINION" };
        var verb = new Verb("sample", "The verifier's sample of an aggregation: draw it, record findings, verify on it; prints the sample as CSV (docs/inclusion.md).",
            "ets inclusion sample AGGREGATION --as USER [--draw] [--findings FILE.csv] [--verify OPINION] [--db DB]", aggregation, actor, draw, findings, verify);
        verb.SetAction(async (r, ct) =>
        {
            var id = r.GetValue(aggregation);
            var file = r.GetValue(findings);
            var lines = new List<RecordSampleFinding>();
            if (file is not null)
            {
                if (!File.Exists(file))
                {
                    return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb, [$"--findings: {file} does not exist"]).ConfigureAwait(false);
                }
                var problems = new List<string>();
                var number = 0;
                foreach (var line in await File.ReadAllLinesAsync(file, ct).ConfigureAwait(false))
                {
                    number++;
                    var cells = line.Split(',', 3);
                    if (line.Trim().Length == 0 || (number == 1 && cells[0].Trim().Equals("ordinal", StringComparison.OrdinalIgnoreCase)))
                    {
                        continue;
                    }
                    int? ordinal = int.TryParse(cells[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : null;
                    if (RecordSampleFinding.TryParse(new(id, ordinal, cells.ElementAtOrDefault(1), cells.ElementAtOrDefault(2)), out var command, out var errors))
                    {
                        lines.Add(command);
                    }
                    else
                    {
                        problems.AddRange(errors.Select(e => $"{file}:{number}: {e.Message} (rule {e.Rule})"));
                    }
                }
                if (problems.Count > 0)
                {
                    return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb, problems).ConfigureAwait(false);
                }
            }
            VerifyAggregation? verification = null;
            if (r.GetValue(verify) is { } opinion && !VerifyAggregation.TryParse(new(id, opinion), out verification, out var verifyErrors))
            {
                return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb, verifyErrors.Select(e => $"--verify: {e.Message}")).ConfigureAwait(false);
            }
            return await RegistryContext.RunAsAsync(r, db, actor, async (context, who) =>
            {
                var handler = Handler(context);
                if (r.GetValue(draw) && await handler.DrawSampleAsync(who, new DrawSample(id), ct).ConfigureAwait(false) is not InclusionCommandOutcome.Completed and var refused)
                {
                    return await RefusedAsync(context, refused, "draw a sample").ConfigureAwait(false);
                }
                // The file's findings are recorded together: one that is refused records none.
                var together = new RecordSampleFindings(id, [.. lines.Select(l => new RecordSampleFindings.Row(l.Ordinal, l.Finding, l.Reason))], RestConfirmed: false);
                if (lines.Count > 0 && await handler.HandleAsync(who, together, ct).ConfigureAwait(false) is not InclusionCommandOutcome.Completed and var notRecorded)
                {
                    return await RefusedAsync(context, notRecorded, "record the findings").ConfigureAwait(false);
                }
                if (verification is not null
                    && await handler.VerifyAggregationAsync(who, verification, ct).ConfigureAwait(false) is not InclusionCommandOutcome.Completed and var notVerified)
                {
                    return await RefusedAsync(context, notVerified, "verify the aggregation").ConfigureAwait(false);
                }
                var queries = new InclusionQueries(context.Store, InclusionProgrammes.Shipped, TimeProvider.System);
                var (check, notYours) = await queries.SampleForAsync(who, id, ct).ConfigureAwait(false);
                if (check is null)
                {
                    return await context.FailAsync(notYours is not null
                        ? $"refused: {notYours.Message} (rule {notYours.Rule})"
                        : $"refused: no sample of aggregation {id} is drawn, or {who.UserName} may not see it (rule SampleNotDrawn)").ConfigureAwait(false);
                }
                await WriteSampleAsync(context.Out, check).ConfigureAwait(false);
                return ExitCode.Ok;
            }, ct).ConfigureAwait(false);
        });
        return verb;
    }

    private static async Task WriteSampleAsync(TextWriter output, SampleCheck check)
    {
        var s = check.Sample;
        var v = check.Evaluation;
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(inv,
            $"# aggregation {s.Aggregation}: seed {s.Seed}; {s.Size} of {CliText.Count(s.Population, "event", "events")}; checked {check.Checked}; error rate {v.EventErrorRate:0.####}; projected {v.ProjectedRate:0.####} (tolerable {v.TolerableRate}); verifiable {v.VerifiedOf(check.Aggregation.Reduction).Kilograms:0.######} kg{(s.Verified is { } done ? $"; verified {done.Kilograms:0.######} kg" : "")}"))
            .ConfigureAwait(false);
        await output.WriteLineAsync("ordinal,behaviour,source,eventId,citizen,occurredAt,quantity,reductionGrams,finding,reason").ConfigureAwait(false);
        foreach (var e in check.Events)
        {
            await output.WriteLineAsync(string.Create(inv,
                $"{e.Ordinal},{Domain.Inclusion.Behaviours.CodeOf(e.Behaviour)},{e.Source},{e.EventId},{e.Citizen},{CliText.IsoTime(e.OccurredAt)},{e.Quantity},{e.Reduction.Grams},{(e.Finding is { } f ? char.ToLowerInvariant(f.ToString()[0]) + f.ToString()[1..] : "")},{e.Reason}"))
                .ConfigureAwait(false);
        }
    }
}
