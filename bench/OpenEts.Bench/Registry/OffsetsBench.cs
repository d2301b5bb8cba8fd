using System.Diagnostics;
using System.Globalization;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;

namespace OpenEts.Bench.Registry;

/// <summary>
/// Plain harness for offsets in the ledger (issue 10's targets): issuing a 10 M-tonne vintage with a buffer share and
/// retiring 100 000 small lots from it (each under 5 s), replaying the events to the same fingerprint (what journal
/// verification compares), and a page of the public retirement list at 1 M retirements (target under 50 ms), first on
/// the ledger alone, with <c>--durable</c> through the registry's use cases and the store (OffsetsBench.Durable.cs).
/// </summary>
internal static partial class OffsetsBench
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Regulator = UserId.From("regulator");
    private static readonly UserId Officer = UserId.From("regulator-b");
    private static readonly UserId Holder = UserId.From("holder-a");
    private static readonly AccountNumber Owner = AccountNumber.From("FJ-HOLD-FOREST");
    private static readonly AccountNumber Buffer = AccountNumber.From("FJ-BUFFER");
    private static readonly UnitClass Class = UnitClass.Offset(UnitType.Ffcer, "FJ0001", 2025);

    public static int Run(string[] args)
    {
        var lots = Option(args, "--lots", 100_000);
        var listed = Option(args, "--retirements", 1_000_000);
        Print($"offsets bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average {RegistryBench.LoadAverage()}");
        if (args.Contains("--durable"))
        {
            return Durable(lots, listed, Option(args, "--batch", 1_000));
        }

        var (ledger, events) = Setup();
        var time = Stopwatch.StartNew();
        BufferShare.TryOfPercent(20, out var share, out _);
        events.Add(Ok(ledger.IssueOffsets(Regulator, Start, IdempotencyKey.From("issue"), Class, 10_000_000, Owner, Buffer, share, "bench")));
        Print($"issue 10 000 000 t (20 % buffer): {time.Elapsed.TotalMilliseconds:F1} ms (target < 5 000 ms)");

        time.Restart();
        for (var i = 0; i < lots; i++)
        {
            events.Add(Ok(ledger.Retire(Holder, Start, IdempotencyKey.From(Key("r", i)), Owner, Class, 1 + (i % 50), "beneficiary", "bench")));
        }
        Print($"retire {lots} lots of 1–50 t: {time.Elapsed.TotalMilliseconds:F0} ms (target < 5 000 ms)");

        time.Restart();
        var replayed = RegistryLedger.Replay(events);
        var same = replayed.Fingerprint() == ledger.Fingerprint();
        Print($"replay {events.Count} events and compare fingerprints: {time.Elapsed.TotalMilliseconds:F0} ms, same = {same}");

        time.Restart();
        for (var i = lots; i < listed; i++)
        {
            ledger.Retire(Holder, Start, IdempotencyKey.From(Key("r", i)), Owner, Class, 1, "beneficiary", "bench");
        }
        Print($"grow to {ledger.Retirements.Count} retirements: {time.Elapsed.TotalSeconds:F1} s");
        foreach (var page in new[] { 1, 2, (listed / RegistryQueries.PublicPageSize / 2) + 1, listed / RegistryQueries.PublicPageSize })
        {
            var samples = new List<double>();
            for (var run = 0; run < 50; run++)
            {
                time.Restart();
                var rows = RegistryQueries.RetirementPage(ledger, page);
                samples.Add(time.Elapsed.TotalMilliseconds);
                if (rows.Rows.Count != RegistryQueries.PublicPageSize)
                {
                    throw new InvalidOperationException($"page {page} has {rows.Rows.Count} rows");
                }
            }
            samples.Sort();
            Print($"retirement list page {page} of {ledger.Retirements.Count}: median {samples[samples.Count / 2]:F3} ms, max {samples[^1]:F3} ms (target < 50 ms)");
        }
        return same ? 0 : 1;
    }

    private static (RegistryLedger, List<RegistryEvent>) Setup()
    {
        var ledger = new RegistryLedger();
        var events = SetupRequests().Select(r => Ok(r(ledger))).ToList();
        events.Add(Ok(ledger.DefineOffsetClass(Regulator, Start, IdempotencyKey.From("define"), Class, "Bench forest", ProjectCategory.Forestry, "FJ", false)));
        return (ledger, events);
    }

    private static RegistryEvent Ok(RegistryOutcome outcome) => outcome is RegistryOutcome.Completed c
        ? c.Event
        : throw new InvalidOperationException($"refused: {outcome}");

    private static string Key(string prefix, int i) => prefix + i.ToString(CultureInfo.InvariantCulture);

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
