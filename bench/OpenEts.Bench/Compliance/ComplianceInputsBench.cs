using System.Diagnostics;
using System.Globalization;
using OpenEts.Application.Allocation;
using OpenEts.Application.Compliance;
using OpenEts.Application.Identity;
using OpenEts.Application.Mrv;
using OpenEts.Application.Offsets;
using OpenEts.Application.Organisations;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Storage;

namespace OpenEts.Bench.Compliance;

/// <summary>
/// What each compliance surrender pays before the registry's writer: reading the year's inputs from the database
/// (<see cref="ComplianceInputs.LoadAsync"/>: the approved plan's rules, the covered organisations, the approved
/// emissions, every user, every class's attributes and project facts) and comparing them with the last surrender's
/// (<see cref="ComplianceYearCache.Intern"/>). N covered Guangdong organisations, each with one representative and an
/// approved 2017 report, in a SQLite file made for the run; the Guangdong 2017 plan imported and approved. Wall and
/// process CPU per surrender, min and median.
/// </summary>
internal static class ComplianceInputsBench
{
    public static async Task RunAsync(int entities, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("openets-compliance-inputs-");
        try
        {
            await using var store = await SqlStore.OpenAsync(Path.Combine(folder.FullName, "bench.db"), CancellationToken.None);
            var at = new DateTimeOffset(2018, 3, 1, 0, 0, 0, TimeSpan.Zero);
            var watch = Stopwatch.StartNew();
            await store.WriteAsync(async s =>
            {
                for (var i = 0; i < entities; i++)
                {
                    var stem = "9144010" + i.ToString("D10", CultureInfo.InvariantCulture);
                    var code = CreditCode.Parse(stem + CreditCode.CheckCharacter(stem)).Code;
                    var organisation = await s.Organisations.InsertAsync(new Organisation(0, code, "entity " + i, OrganisationKind.Company, Sector.Cement,
                        "广州", CoverageStatus.Covered, MarketJurisdiction.Guangdong), at);
                    await s.Users.InsertAsync(new UserRecord(0, "user-" + i.ToString(CultureInfo.InvariantCulture), "user " + i,
                        Role.CompanyRepresentative, organisation.Id, "x", 0, null), at);
                    await s.Mrv.InsertReportAsync(new MrvReport(0, organisation.Id, 2017, ReportStatus.Approved, Sector.Cement, "广州", [], [],
                        Tonnes.From(50_000m + i), "bench", at) { Approved = Tonnes.From(50_000m + i), ApprovedAt = at });
                }
                return 0;
            }, CancellationToken.None);
            var regulator = await store.WriteAsync(s => s.Users.InsertAsync(new UserRecord(0, "reg.bench", "regulator", Role.Regulator, null, "x", 0, null), at),
                CancellationToken.None);
            var actor = new Actor(regulator.Id, regulator.UserName, regulator.Role, null);
            var plans = new AllocationCommandHandler(store, TimeProvider.System);
            await plans.HandleAsync(actor, new ImportPlan(PlanJson.Shipped("guangdong-2017")), CancellationToken.None);
            await plans.HandleAsync(actor, new ApprovePlan("guangdong-2017", 1), CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"compliance inputs: {entities} covered organisations, users and approved reports on SQLite, seeded in {watch.Elapsed.TotalSeconds:0.0} s"));

            using var registry = new RegistryService(store);
            var registryQueries = new RegistryQueries(registry);
            var mrv = new MrvQueries(store);
            var organisations = new OrganisationService(store);
            var offsets = new OffsetsQueries(store, registryQueries);
            var rulebook = new ComplianceRulebook(new AllocationQueries(store, mrv, organisations));
            Task<ComplianceInputs?> Load() =>
                ComplianceInputs.LoadAsync(store, registryQueries, mrv, offsets, organisations, rulebook, "GD", 2017, CancellationToken.None);

            Task<ComplianceInputs?> Kept() =>
                ComplianceInputsCache.LoadAsync(store, registryQueries, mrv, offsets, organisations, rulebook, "GD", 2017, CancellationToken.None);
            var first = await Load() ?? throw new InvalidOperationException("no rules for GD 2017");
            _ = ComplianceYearCache.Intern(first);
            await TimeAsync($"the inputs read in full and compared per surrender (before; {first.Approved.Count} entities)", runs, Load, first);
            var kept = await Kept();
            _ = ComplianceYearCache.Intern(kept!);
            await TimeAsync("the data version read, the kept inputs used (now, nothing changed)", runs, Kept, kept!);
            // One approved report more: the counter moves, the next surrender reads everything again.
            await store.WriteAsync(async s =>
            {
                var stem = "9144019" + "0000000001";
                var code = CreditCode.Parse(stem + CreditCode.CheckCharacter(stem)).Code;
                var o = await s.Organisations.InsertAsync(new Organisation(0, code, "late entity", OrganisationKind.Company, Sector.Cement, "广州",
                    CoverageStatus.Covered, MarketJurisdiction.Guangdong), at);
                return await s.Mrv.InsertReportAsync(new MrvReport(0, o.Id, 2017, ReportStatus.Approved, Sector.Cement, "广州", [], [], Tonnes.From(1m), "bench", at)
                    { Approved = Tonnes.From(1m), ApprovedAt = at });
            }, CancellationToken.None);
            var reread = await Kept();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"after one more approved report: read again = {!ReferenceEquals(reread, kept)}, {reread!.Approved.Count} entities"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task TimeAsync(string what, int runs, Func<Task<ComplianceInputs?>> load, ComplianceInputs last)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        var same = 0;
        for (var i = 0; i < runs; i++)
        {
            var cpuBefore = CpuTime.ProcessMilliseconds();
            var clock = Stopwatch.StartNew();
            var inputs = await load();
            same += ReferenceEquals(ComplianceYearCache.Intern(inputs!), last) ? 1 : 0;
            wall.Add(clock.Elapsed.TotalMilliseconds);
            cpu.Add(CpuTime.ProcessMilliseconds() - cpuBefore);
        }
        wall.Sort();
        cpu.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: wall min {wall[0]:0.00} ms, median {wall[runs / 2]:0.00} ms; CPU min {cpu[0]:0.00} ms, median {cpu[runs / 2]:0.00} ms over {runs} ({same} unchanged)"));
    }
}
