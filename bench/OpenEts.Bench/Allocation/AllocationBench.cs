using System.Diagnostics;
using System.Globalization;
using OpenEts.Application.Allocation;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Organisations;

namespace OpenEts.Bench.Allocation;

/// <summary>
/// Plain harness for allocation (issue 11's speed targets): the final allocation of 10 000 power entities with 5 units
/// each under the shipped national 2023–2024 plan, every result with its full calculation (steps, terms, sources);
/// and a what-if rerun after one factor changes (edit the document, check it against the schema, read it, allocate
/// everyone again). Each is run 5 times after a warm-up; min and median.
/// </summary>
internal static class AllocationBench
{
    private static readonly string[] Units = ["coal-I", "coal-II", "coal-III", "gas", "coal-I"];

    public static int Run(string[] args)
    {
        var count = args.Length > 1 && args[0] == "--entities" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        Console.WriteLine($"allocation bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var document = PlanJson.Shipped("national-power-2023-2024");
        if (!PlanJson.TryRead(document, out var plan, out _))
        {
            return 1;
        }
        var random = new Random(11);
        var entities = Enumerable.Range(0, count).Select(i => new EntityInput($"E{i:D6}", $"entity {i}", Sector.Power)
        {
            Products = [.. Units.Select((u, j) => new ProductInput(u, random.Next(100_000, 3_000_000)) { Unit = $"#{j + 1}", Heat = random.Next(0, 400_000),
                LoadFactor = random.Next(50, 95) / 100m })],
            Verified = random.Next(500_000, 9_000_000),
        }).ToList();

        Time($"final allocation of {count} entities × 5 units with full calculation, one thread (target < 1 s)", () =>
        {
            var steps = 0L;
            foreach (var e in entities)
            {
                steps += AllocationCalculator.Allocate(plan, 2023, e, AllocationStage.Final).Steps.Count;
            }
            return $"{steps} steps";
        });
        Time($"the same, in parallel (as the what-if runs it)", () =>
        {
            var results = new EntityAllocation[entities.Count];
            Parallel.For(0, entities.Count, i => results[i] = AllocationCalculator.Allocate(plan, 2023, entities[i], AllocationStage.Final));
            return $"{results.Sum(r => r.Total.Value):N0} t";
        });
        // Each rerun sets a new value, so the edited document is new each time (edited, schema-checked and read again),
        // while the plan as it is and its allocations are kept from the first run, as in the server and the CLI.
        var value = 0.78m;
        PlanEdit Next() => new("benchmark.power.coal-I", value += 0.0001m, "bench");
        Time("edit + schema check + read of the edited document", () =>
        {
            PlanEdit.TryApply(document, [Next()], out var edited, out _);
            PlanJson.TryRead(edited, out var changed, out _);
            return changed!.Id;
        });
        Time("what-if rerun after one factor change (WhatIf.TryRun: edit, check, read, every entity recomputed; the plan as it is kept; target < 200 ms)", () =>
        {
            WhatIf.TryRun(document, 2023, entities, [Next()], out var result, out _);
            return $"{result!.Total:N0} t vs {result.BaselineTotal:N0} t";
        });
        Time("what-if from scratch (WhatIf.Run: both allocations of every entity, nothing kept)", () =>
        {
            PlanEdit.TryApply(document, [Next()], out var edited, out _);
            PlanJson.TryRead(edited, out var changed, out _);
            return $"{WhatIf.Run(plan, changed!, 2023, entities).Sum(r => r.Changed.Total.Value):N0} t";
        });
        return 0;
    }

    private static void Time(string what, Func<string> run)
    {
        run();
        var times = new List<double>();
        var said = "";
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            said = run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: min {times[0]:0.0} ms, median {times[2]:0.0} ms ({said})"));
    }
}
