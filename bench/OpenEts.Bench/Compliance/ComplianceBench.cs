using System.Diagnostics;
using System.Globalization;
using OpenEts.Application.Compliance;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Bench.Compliance;

/// <summary>
/// Plain harness for issue 11's compliance target: evaluating 10 000 entities (&lt; 1 s). Each entity has approved
/// emissions and surrendered allowances, in-province and out-of-province credits and one hydropower CCER (which does not
/// count): the year's surrenders are replayed under Guangdong-2017-shaped rules (every unit rule, the obligation, the
/// entity's offset cap and in-province share, the province cap) and every entity's standing computed, as the public
/// list and the surrender check do. 5 runs after a warm-up; min and median.
/// </summary>
internal static class ComplianceBench
{
    public static int Run(string[] args)
    {
        var entities = Option(args, "--entities", 10_000);
        if (args.Contains("--inputs"))
        {
            ComplianceInputsBench.RunAsync(entities, Option(args, "--runs", 20)).GetAwaiter().GetResult();
            return 0;
        }
        Console.WriteLine($"compliance bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var rules = new ComplianceRules("GD", new DateOnly(2018, 6, 20),
            new OffsetRules([UnitType.Ccer, UnitType.Phcer], 0.10m, "GD", 0.70m, 0.60m, [ProjectCategory.Hydropower], true, true,
                ["BJ", "TJ", "SH", "CQ", "HB"], true, 0.50m, 1_500_000_000, true),
            new PenaltyRules(2m, 50_000m, 50_000m, null, null), []);
        var gdea = Attributes(UnitClass.Allowance("GD", 2017), null, "GD");
        var wind = Attributes(UnitClass.Offset(UnitType.Ccer, "000101", 2016), ProjectCategory.Wind, "GD");
        var solar = Attributes(UnitClass.Offset(UnitType.Ccer, "000404", 2017), ProjectCategory.Solar, "JX");
        var hydro = Attributes(UnitClass.Offset(UnitType.Ccer, "000202", 2015), ProjectCategory.Hydropower, "SC");
        var approved = new Dictionary<CreditCode, ApprovedTotal>();
        var entityOfUser = new Dictionary<string, CreditCode>(StringComparer.Ordinal);
        var surrenders = new List<SurrenderRecord>();
        var at = new DateTimeOffset(2018, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));
        for (var i = 0; i < entities; i++)
        {
            var stem = "9144010" + i.ToString("D10", CultureInfo.InvariantCulture);
            var code = CreditCode.Parse(stem + CreditCode.CheckCharacter(stem)).Code;
            var tonnes = 50_000m + (i * 37.125m);
            approved[code] = new ApprovedTotal(code, "entity " + i, Sector.Cement, 2017, Tonnes.From(tonnes));
            var user = "user-" + i.ToString(CultureInfo.InvariantCulture);
            entityOfUser[user] = code;
            var account = new Account(AccountNumber.From("GD-HOLD-" + i.ToString(CultureInfo.InvariantCulture)), AccountKind.Holding,
                AccountState.Open, "entity " + i, [UserId.From(user)], at);
            var owed = (long)decimal.Ceiling(tonnes);
            surrenders.Add(new SurrenderRecord(account, gdea, owed - 4_000, at, UserId.From(user), null));
            surrenders.Add(new SurrenderRecord(account, hydro, 500, at, UserId.From(user), null));
            surrenders.Add(new SurrenderRecord(account, wind, 3_000, at, UserId.From(user), null));
            surrenders.Add(new SurrenderRecord(account, solar, i % 2 == 0 ? 1_000 : 900, at, UserId.From(user), null));
        }
        var inputs = new ComplianceInputs("GD", rules, 2017, approved, entityOfUser,
            new Dictionary<UnitClass, UnitAttributes> { [gdea.Class] = gdea, [wind.Class] = wind, [solar.Class] = solar, [hydro.Class] = hydro },
            new Dictionary<UnitClass, OffsetProjectFacts>());
        Console.WriteLine($"{entities} entities, {surrenders.Count} surrenders");
        var now = at.AddDays(30);
        Time($"evaluate {entities} entities: replay the year's surrenders and list every standing (target < 1 s)", () =>
        {
            var list = ComplianceQueries.ListOf(inputs, inputs.Replay(surrenders), now);
            return $"{list.Count(ComplianceStatus.Compliant)} compliant, {list.Count(ComplianceStatus.Short)} short";
        });
        var book = inputs.Replay(surrenders);
        var last = approved.Keys.Last();
        Time("one surrender check inside the writer: replay + check", () =>
            (inputs.Replay(surrenders).Check(last, wind, null, 1) is { } r ? r.Rule.ToString() : "accepted"));
        Time("status of one entity from a replayed year", () => book.StatusOf(last, now)!.Status.ToString());
        SurrenderCheckBench.Run(rules, entities);
        return 0;
    }

    private static UnitAttributes Attributes(UnitClass c, ProjectCategory? category, string province) =>
        new(c, c.Type, c.Project, c.Project, category, province, c.Vintage, c.IsOffset ? false : null, true);

    private static void Time(string what, Func<string> work)
    {
        var result = work();
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            result = work();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: min {times[0]:0.0} ms, median {times[2]:0.0} ms ({result})"));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
