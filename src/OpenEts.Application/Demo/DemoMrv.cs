using OpenEts.Application.Identity;
using OpenEts.Application.Mrv;
using OpenEts.Application.Storage;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Demo;

/// <summary>
/// Seeds approved 2016 and 2017 emission reports for the five demo companies, through the MRV use cases as their users
/// would file them: a monitoring plan, a draft, the submission, the verifier's assignment, the verification and the
/// approval. The figures are demo figures, chosen so that 2017's approved emissions sit near each company's GDEA-2017
/// allocation (<see cref="Registry.DemoRegistry.Companies"/>): power and steel a little above it, the others below.
/// Each step runs at the time it would have happened (2017 reports before Guangdong's 2018-03-15 and 2018-05-05
/// deadlines), so the journal records those dates.
/// </summary>
public sealed class DemoMrv(IStore store)
{
    /// <summary>One company's demo report: its user, its source (fuel code, unit), its output, and the two years' amounts.</summary>
    public sealed record Filing(string User, SourceKind Kind, string Material, MeasureUnit Unit, decimal Amount2016, decimal Amount2017,
        OutputKind Output, MeasureUnit OutputUnit, decimal Output2016, decimal Output2017);

    /// <summary>
    /// The demo filings. Emission factors from the shipped library (tCO2 per unit, by hand): raw coal 1.9002988488,
    /// coke 2.860418825, kerosene 3.0179149; e.g. power 2017: 1 605 000 t × 1.9002988488 = 3 049 979.652 t against an
    /// allocation of 3 000 000.
    /// </summary>
    public static IReadOnlyList<Filing> Filings { get; } =
    [
        new("power-a", SourceKind.FuelCombustion, "raw-coal", MeasureUnit.Tonne, 1_560_000m, 1_605_000m,
            OutputKind.ElectricitySupplied, MeasureUnit.MegawattHour, 3_480_000m, 3_600_000m),
        new("cement-a", SourceKind.FuelCombustion, "raw-coal", MeasureUnit.Tonne, 620_000m, 605_000m,
            OutputKind.Clinker, MeasureUnit.Tonne, 1_450_000m, 1_400_000m),
        new("steel-a", SourceKind.FuelCombustion, "coke", MeasureUnit.Tonne, 700_000m, 716_000m,
            OutputKind.CrudeSteel, MeasureUnit.Tonne, 1_080_000m, 1_100_000m),
        new("paper-a", SourceKind.FuelCombustion, "raw-coal", MeasureUnit.Tonne, 200_000m, 205_000m,
            OutputKind.Paper, MeasureUnit.Tonne, 340_000m, 350_000m),
        new("aviation-a", SourceKind.FuelCombustion, "kerosene", MeasureUnit.Tonne, 255_000m, 262_000m,
            OutputKind.TransportWork, MeasureUnit.TonneKilometre, 760_000_000m, 790_000_000m),
    ];

    /// <summary>The demo verification body's user and credit code.</summary>
    public const string VerifierUser = "verifier";

    /// <summary>Seeds the reports when there are none. Returns true when it seeded.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await StepsIfEmptyAsync(ct).ConfigureAwait(false) is not { } steps)
        {
            return false;
        }
        await DemoStep.RunAsync(steps).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The seeding's steps, each dated (null when there are reports already): for each year, step by step across the
    /// companies, so that run by date (<see cref="DemoStep.RunAsync"/>, alone or with another seeder's history) the
    /// journal's times only move forward.
    /// </summary>
    public async Task<IReadOnlyList<DemoStep>?> StepsIfEmptyAsync(CancellationToken ct)
    {
        if ((await store.ReadAsync(s => s.Mrv.ListReportsAsync(new MrvReportFilter()), ct).ConfigureAwait(false)).Count > 0)
        {
            return null;
        }
        var regulator = await ActorAsync("regulator", ct).ConfigureAwait(false);
        var verifier = await ActorAsync(VerifierUser, ct).ConfigureAwait(false);
        var body = await store.ReadAsync(s => s.Organisations.FindByIdAsync(verifier.OrganisationId!.Value), ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the demo verifier has no organisation");
        var steps = new List<DemoStep>();
        foreach (var year in (int[])[2016, 2017])
        {
            var filed = At(year + 1, 3, 1);
            foreach (var f in Filings)
            {
                var company = await ActorAsync(f.User, ct).ConfigureAwait(false);
                var amount = year == 2016 ? f.Amount2016 : f.Amount2017;
                var output = year == 2016 ? f.Output2016 : f.Output2017;
                long id = 0;
                steps.Add(new(filed, async () =>
                {
                    await RunAsync(company, filed, new SaveMonitoringPlan(year,
                        [new PlanSource(f.Kind, f.Material, "default factors", "weighbridge / flow meter (demo)", "per delivery")]), ct).ConfigureAwait(false);
                    var draft = await RunAsync(company, filed, new SaveDraftReport(year, SaveDraftReport.DefaultRegion,
                        [new ReportLine("L1", f.Kind, f.Material, amount, f.Unit)], [new ProductionOutput(f.Output, output, f.OutputUnit)]), ct)
                        .ConfigureAwait(false);
                    id = draft.Report!.Id;
                }));
                steps.Add(new(filed.AddDays(5), () => RunAsync(company, filed.AddDays(5), new SubmitReport(id), ct)));
                steps.Add(new(filed.AddDays(8), () => RunAsync(regulator, filed.AddDays(8), new AssignVerifier(id, body.Code, ConflictDeclaration.None), ct)));
                steps.Add(new(filed.AddDays(50), () => RunAsync(verifier, filed.AddDays(50), new RecordVerification(id, [], [],
                    "排放报告与监测计划一致，数据真实、准确（演示）"), ct)));
                steps.Add(new(filed.AddDays(80), () => RunAsync(regulator, filed.AddDays(80), new ApproveReport(id), ct)));
            }
        }
        return steps;
    }

    // 10:00 Beijing time.
    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    private Task<Actor> ActorAsync(string userName, CancellationToken ct) => DemoActors.FindAsync(store, userName, ct);

    private async Task<MrvCommandOutcome.Completed> RunAsync(Actor actor, DateTimeOffset at, IMrvCommand command, CancellationToken ct) =>
        await new MrvCommandHandler(store, new FixedClock(at)).HandleAsync(actor, command, ct).ConfigureAwait(false) switch
        {
            MrvCommandOutcome.Completed c => c,
            var other => throw new InvalidOperationException($"Demo MRV seeding was refused: {command.GetType().Name} as {actor.UserName}: {other}"),
        };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
