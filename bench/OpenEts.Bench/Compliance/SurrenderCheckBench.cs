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
/// One compliance surrender as the registry's writer runs it (<c>CheckedSurrender.Execute</c>) on a ledger holding the
/// year's surrenders of N entities (4 each): bring the year up to the ledger, check, surrender, record. Before the kept
/// year (<see cref="ComplianceYearCache"/>) the writer replayed every surrender of the year from the ledger; now it
/// records only the surrenders made since the last check. Wall time and the process's CPU time per surrender (the CPU
/// figure holds on a loaded machine, where wall time mostly measures waiting for a core).
/// </summary>
internal static class SurrenderCheckBench
{
    private static readonly DateTimeOffset At = new(2018, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly UserId Regulator = UserId.From("reg.bench");

    public static void Run(ComplianceRules rules, int entities)
    {
        var ledger = new RegistryLedger();
        var key = 0;
        IdempotencyKey Next() => IdempotencyKey.From("b-" + (++key).ToString(CultureInfo.InvariantCulture));
        var gdea = UnitClass.Allowance("GD", 2017);
        var wind = UnitClass.Offset(UnitType.Ccer, "000101", 2016);
        var solar = UnitClass.Offset(UnitType.Ccer, "000404", 2017);
        var hydro = UnitClass.Offset(UnitType.Ccer, "000202", 2015);
        Ok(ledger.Initialise(Regulator, At, Next(), "广东省生态环境厅", AccountNumber.From("GD-ISSUE"), AccountNumber.From("GD-SURRENDER"),
            AccountNumber.From("GD-CANCEL"), [Regulator, UserId.From("reg.bench2")]));
        Ok(ledger.DefineOffsetClass(Regulator, At, Next(), wind, "wind", ProjectCategory.Wind, "GD", false));
        Ok(ledger.DefineOffsetClass(Regulator, At, Next(), solar, "solar", ProjectCategory.Solar, "JX", false));
        Ok(ledger.DefineOffsetClass(Regulator, At, Next(), hydro, "hydro", ProjectCategory.Hydropower, "SC", false));
        var approved = new Dictionary<CreditCode, ApprovedTotal>();
        var entityOfUser = new Dictionary<string, CreditCode>(StringComparer.Ordinal);
        var accounts = new List<(AccountNumber Account, UserId User, CreditCode Code)>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < entities; i++)
        {
            var stem = "9144010" + i.ToString("D10", CultureInfo.InvariantCulture);
            var code = CreditCode.Parse(stem + CreditCode.CheckCharacter(stem)).Code;
            var tonnes = 50_000m + (i * 37.125m);
            approved[code] = new ApprovedTotal(code, "entity " + i, Sector.Cement, 2017, Tonnes.From(tonnes));
            var user = UserId.From("user-" + i.ToString(CultureInfo.InvariantCulture));
            var second = UserId.From(user.Value + "-b");
            entityOfUser[user.Value] = code;
            entityOfUser[second.Value] = code;
            var account = AccountNumber.From("GD-HOLD-" + i.ToString(CultureInfo.InvariantCulture));
            accounts.Add((account, user, code));
            var owed = (long)decimal.Ceiling(tonnes);
            Ok(ledger.OpenAccount(Regulator, At, Next(), account, AccountKind.Holding, "entity " + i, [user, second]));
            Ok(ledger.Issue(Regulator, At, Next(), gdea, owed));
            Ok(ledger.Allocate(Regulator, At, Next(), account, gdea, owed));
            foreach (var offset in new[] { wind, solar, hydro })
            {
                Ok(ledger.IssueOffsets(Regulator, At, Next(), offset, 5_000, account, null, default, "bench"));
            }
            Ok(ledger.Surrender(user, At, Next(), account, gdea, owed - 4_000, 2017));
            Ok(ledger.Surrender(user, At, Next(), account, hydro, 500, 2017));
            Ok(ledger.Surrender(user, At, Next(), account, wind, 3_000, 2017));
            Ok(ledger.Surrender(user, At, Next(), account, solar, i % 2 == 0 ? 1_000 : 900, 2017));
        }
        var inputs = new ComplianceInputs("GD", rules, 2017, approved, entityOfUser,
            new[] { gdea, wind, solar, hydro }.ToDictionary(c => c, c => ledger.AttributesOf(c)!), new Dictionary<UnitClass, OffsetProjectFacts>());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"a ledger of {entities} accounts and {ledger.SurrendersFor(2017).Count} surrenders for 2017 built in {watch.Elapsed.TotalSeconds:0.0} s"));

        // Odd entities still owe 100 t: each run surrenders 1 t of allowances for the next of them, as a company would.
        var turn = 1;
        (AccountNumber Account, UserId User, CreditCode Code) NextSurrender()
        {
            var a = accounts[turn % accounts.Count];
            turn += 2;
            return a;
        }
        var unit = inputs.AttributesOf(gdea);
        ComplianceInputs Reloaded() => new("GD", rules, 2017, approved.ToDictionary(), new Dictionary<string, CreditCode>(entityOfUser, StringComparer.Ordinal),
            new[] { gdea, wind, solar, hydro }.ToDictionary(c => c, c => ledger.AttributesOf(c)!), new Dictionary<UnitClass, OffsetProjectFacts>());
        _ = ComplianceYearCache.Intern(inputs);
        var reloaded = Reloaded();
        Time("the inputs as reloaded for a surrender compared with the last (outside the writer)", 20,
            () => ReferenceEquals(ComplianceYearCache.Intern(reloaded), inputs) ? "same" : "changed", fresh: () => reloaded = Reloaded());
        Time("one surrender inside the writer, the whole year replayed (before)", 5, () =>
        {
            var (account, user, code) = NextSurrender();
            var book = inputs.Replay(SurrenderRecord.Of(ledger, 2017));
            var refused = book.Check(code, unit, null, 1);
            Ok(ledger.Surrender(user, At, Next(), account, gdea, 1, 2017));
            inputs.Replay([SurrenderRecord.Of(ledger, ledger.SurrendersFor(2017)[^1])], book);
            return refused?.Rule.ToString() ?? "accepted";
        });
        Time("one surrender inside the writer, the kept year (now)", 200, () =>
        {
            var (account, user, code) = NextSurrender();
            var refused = ComplianceYearCache.Current(ledger, inputs).Check(code, unit, null, 1);
            Ok(ledger.Surrender(user, At, Next(), account, gdea, 1, 2017));
            _ = ComplianceYearCache.Current(ledger, inputs);
            return refused?.Rule.ToString() ?? "accepted";
        });
    }

    private static void Ok(RegistryOutcome outcome)
    {
        if (outcome is not RegistryOutcome.Completed)
        {
            throw new InvalidOperationException(outcome.ToString());
        }
    }

    // Min and median of wall and CPU time over `runs` runs after a warm-up; `fresh` (when given) runs untimed before each.
    private static void Time(string what, int runs, Func<string> work, Action? fresh = null)
    {
        fresh?.Invoke();
        var result = work();
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            fresh?.Invoke();
            var cpuBefore = CpuTime.ProcessMilliseconds();
            var watch = Stopwatch.StartNew();
            result = work();
            wall.Add(watch.Elapsed.TotalMilliseconds);
            cpu.Add(CpuTime.ProcessMilliseconds() - cpuBefore);
        }
        wall.Sort();
        cpu.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: wall min {wall[0]:0.000} ms, median {wall[runs / 2]:0.000} ms; CPU min {cpu[0]:0.000} ms, median {cpu[runs / 2]:0.000} ms, total {cpu.Sum():0.0} ms over {runs} ({result})"));
    }
}
