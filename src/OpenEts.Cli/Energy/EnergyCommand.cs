using System.CommandLine;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Mrv;
using OpenEts.Cli.Registry;
using OpenEts.Domain.DualControl.Targets;
using static System.FormattableString;

namespace OpenEts.Cli.Energy;

/// <summary>
/// <c>ets energy assess --region R --year Y</c>: the year's assessments of a region's units (score, grade, veto), and
/// <c>ets energy warnings --period P</c>: the 晴雨表 of a round. Both read the public figures through
/// <see cref="EnergyTargetsQueries"/>. Exit 0 done, 1 nothing to show, 2 usage.
/// </summary>
internal static class EnergyCommand
{
    public static Command Build()
    {
        var db = new Option<string>("--db")
        {
            Description = "a SQLite file, or a PostgreSQL connection string or URL (default: OPENETS_DB, else data/openets.db)",
            HelpName = "DB",
            Recursive = true,
        };
        return new Command("energy", "Energy dual control (能耗双控): assessments and the barometer (晴雨表) (docs/dual-control.md).") { db, Assess(db), Warnings(db), EnergyCardsCommand.Build(db) };
    }

    private static Verb Assess(Option<string> db)
    {
        var region = new Option<string>("--region") { Description = "a region's unit code, e.g. NX (its cities follow; key users' assessments are not public)", HelpName = "R", Required = true };
        var year = new Option<int>("--year") { Description = "the assessed year, e.g. 2025", HelpName = "Y", Required = true };
        var verb = new Verb("assess", "The year's assessments of a region and its units: completion, points, score, grade, veto.",
            "ets energy assess --region R --year Y [--db DB]", region, year);
        verb.SetAction(async (r, ct) =>
        {
            if (!UnitCode.TryCreate(r.GetRequiredValue(region), out var code, out var reason))
            {
                return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb, [$"--region: {reason}"]).ConfigureAwait(false);
            }
            await using var context = await RegistryContext.OpenAsync(r, db, ct).ConfigureAwait(false);
            if (context is null)
            {
                return ExitCode.Usage;
            }
            var queries = new EnergyTargetsQueries(context.Store, new MrvQueries(context.Store));
            var rows = (await queries.AssessmentsAsync(null, r.GetRequiredValue(year), ct).ConfigureAwait(false))
                .Where(a => a.Unit == code || a.Unit.Value.StartsWith(code.Value + "-", StringComparison.Ordinal)).ToList();
            if (rows.Count == 0)
            {
                return await context.FailAsync(Invariant($"no assessments of {code} for {r.GetRequiredValue(year)}")).ConfigureAwait(false);
            }
            await context.Out.WriteLineAsync("unit\tname\ttarget%\tachieved%\tcompletion%\ttarget\tbonus\tmeasures\ttotal\tgrade\tvetoed").ConfigureAwait(false);
            foreach (var a in rows)
            {
                await context.Out.WriteLineAsync(Invariant(
                    $"{a.Unit}\t{a.UnitName}\t{a.TargetPercent}\t{a.AchievedPercent:0.###}\t{a.Result.CompletionPercent:0.##}\t{a.Result.TargetPoints}\t{a.Result.Bonus}\t{a.Result.MeasurePoints}\t{a.Result.Total}\t{a.Result.Grade}\t{(a.Result.Vetoed ? "veto" : "")}"))
                    .ConfigureAwait(false);
            }
            return ExitCode.Ok;
        });
        return verb;
    }

    private static Verb Warnings(Option<string> db)
    {
        var period = new Option<string>("--period") { Description = "the round: 2025-Q1, 2025-M4 (Jan–Apr), 2025-H1, 2025-Q3, 2025", HelpName = "P", Required = true };
        var verb = new Verb("warnings", "The barometer (晴雨表) of a round: each region's intensity and total-energy levels (red, yellow, green), then its pollutant totals against the load meters.",
            "ets energy warnings --period P [--db DB]", period);
        verb.SetAction(async (r, ct) =>
        {
            if (!WarningPeriod.TryParse(r.GetRequiredValue(period), out var p, out var reason))
            {
                return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb, [$"--period: {reason}"]).ConfigureAwait(false);
            }
            await using var context = await RegistryContext.OpenAsync(r, db, ct).ConfigureAwait(false);
            if (context is null)
            {
                return ExitCode.Usage;
            }
            var queries = new EnergyTargetsQueries(context.Store, new MrvQueries(context.Store));
            var table = await queries.WarningsAsync(null, p, ct).ConfigureAwait(false);
            if (table.Rows.Count == 0)
            {
                return await context.FailAsync(Invariant($"no plan is in force in {p.Year}")).ConfigureAwait(false);
            }
            await context.Out.WriteLineAsync($"period {p}").ConfigureAwait(false);
            await context.Out.WriteLineAsync("unit\tname\toverall\tintensity target%\tintensity actual%\tintensity\tpath tce\tused tce\ttotal energy").ConfigureAwait(false);
            foreach (var w in table.Rows)
            {
                await context.Out.WriteLineAsync(Invariant(
                    $"{w.Unit}\t{w.Name}\t{w.Overall}\t{w.Intensity.Target}\t{w.Intensity.Actual:0.###}\t{w.Intensity.Level}\t{w.TotalEnergy.Target:0}\t{w.TotalEnergy.Actual:0}\t{w.TotalEnergy.Level}"))
                    .ConfigureAwait(false);
            }
            var pollutants = await queries.PollutantWarningsAsync(null, p, ct).ConfigureAwait(false);
            if (pollutants.Rows.Count > 0)
            {
                await context.Out.WriteLineAsync(Invariant($"pollutant totals {pollutants.From:yyyy-MM-dd}..{pollutants.To:yyyy-MM-dd} {PollutantWarning.Unconfirmed}"))
                    .ConfigureAwait(false);
                await context.Out.WriteLineAsync("unit\tname\tpollutant\tbaseline t\tcut%\tpath t\tmeasured t\tover%\tlevel\tmeters").ConfigureAwait(false);
                foreach (var row in pollutants.Rows)
                {
                    await context.Out.WriteLineAsync(Invariant(
                        $"{row.Unit}\t{row.Name}\t{row.Target.Pollutant}\t{row.Target.BaselineTonnes:0.###}\t{row.Target.CutPercent:0.##}\t{row.Rating.Target:0.###}\t{row.Rating.Actual:0.###}\t{row.Rating.ShortfallPercentOfTarget:0.##}\t{row.Rating.Level}\t{row.Meters}"))
                        .ConfigureAwait(false);
                }
            }
            return ExitCode.Ok;
        });
        return verb;
    }
}
