namespace OpenEts.Bench;

/// <summary>Benchmarks, chosen by the first argument: <c>dotnet run -c Release --project bench/OpenEts.Bench -- matching</c>.</summary>
internal static class Program
{
    private const string Usage = """
        usage: OpenEts.Bench <benchmark> [options]
          matching [--quick]       matching engine throughput, latency and 10 M-order growth (plain harness, < 1 min)
          matching-bdn [bdn args]  matching engine BenchmarkDotNet run with [MemoryDiagnoser] (allocations per input)
          registry [--transfers N] [--batch B] [--batched-only]
                                   registry transfers made durable per second on SQLite and, with OPENETS_BENCH_PG or
                                   OPENETS_TEST_PG set, PostgreSQL: batched (with the default snapshot interval, so
                                   snapshots are written on the way; wall, process CPU per transfer), one per transaction,
                                   concurrent callers; holdings of a 10 000-block account (plain harness, about 1 min);
                                   --batched-only: the batched run and a verify only
          registry-journal [--events N] [--db DB] [--batch B] [--events-per-day D] [--snapshot-every S]
                                   build a registry journal of N events (1 000 000) into a database (a SQLite file,
                                   data/registry-N.db, or a PostgreSQL connection string), through the registry itself
                                   in batched transactions, with snapshots; run again with a larger N to extend it;
                                   --time-snapshots: then time three more snapshots of the state reached
          registry-start --db DB   the registry's start on a stored journal (newest snapshot, then the tail): wall,
                                   process CPU, the entries replayed
          journal-chain --db DB    the journal's hash chain alone (SHA-256 and links, no replay) over a stored journal:
                                   entries per second read only, read and hashed, hashed from the stored bytes, and
                                   in segments on every core
          mrv [--rows N] [--reports N] [--save DIR]
                                   MRV: calc of a 100 000-row workbook to text and JSON, recomputing 10 000 reports,
                                   a factor-correction impact list over 10 000 reports (plain harness, < 1 min);
                                   --save DIR writes the workbook and CSV there for timing ets mrv calc itself
          offsets [--lots N] [--retirements M] [--durable [--batch B]]
                                   issue a 10 M-tonne offset vintage with a buffer share, retire N lots (100 000), replay,
                                   and page the public retirement list at M retirements (1 000 000) (plain harness);
                                   --durable: the same through the registry's use cases on SQLite (a temp file) and, with
                                   OPENETS_BENCH_PG or OPENETS_TEST_PG set, PostgreSQL, retiring in batches of B (1 000),
                                   with journal verification and the page read after a restart
          compliance [--entities N] [--inputs [--runs R]]
                                   evaluate N entities' compliance (10 000): replay the year's surrenders under the rules
                                   and list every standing; one surrender check (plain harness, seconds); --inputs: the
                                   inputs each surrender reads from SQLite (a temp file) and compares, R times (20)
          auction [--bids N] [--movements M]
                                   clear an auction of N sealed bids (10 000); the cash ledger's rules in memory; M cash
                                   movements (20 000) made durable on SQLite, batched and one per transaction (plain harness)
          exchange-http [--orders N] [--clients C] [--mode rest|cross] [--batch B] [--warm W] [--client blocking|pooled] [--server DLL]
                                   order entry end to end through the HTTP API: the Release server in its own process on a
                                   throwaway SQLite demo database, this process posting N orders (50 000) from C clients
                                   (64) with API tokens; orders/s and latency p50/p99 (build src/OpenEts.Server -c Release);
                                   B orders a request through POST /orders/batch (1: POST /orders), W warm-up orders (2 000);
                                   with B > 1 each client a thread blocking on a connection of its own (blocking, the
                                   default) or HttpClient on the thread pool (pooled)
          exchange-settlement [--trades N] [--clients C] [--warm W] [--sweep-only] [--server DLL]
                                   settlement delivery versus payment through the server (Release, as exchange-http): one
                                   buy trading with N resting one-lot sells (20 000) in its one transaction, then N one-lot
                                   buys from C clients (64) settled by group commit; trades/s and server CPU seconds; W
                                   (200) trades swept first, not measured
          exchange-restart [--inputs N] [--tail T] [--db DB]
                                   the exchange's start with an input journal of N inputs (1 000 000: orders, cancels,
                                   amends on two instruments) from entry 1, against a start from a snapshot near the head
                                   with T inputs after it (1 000); wall and process CPU seconds, the snapshot's size
          market-stream [--subscribers S] [--rounds R] [--server DLL]
                                   S (1 000) concurrent server-sent-event subscribers of the demo instrument; R (20) trades;
                                   each subscriber's time from the trade's order to its update: p50, p99, max
          market-data [--trades N]
                                   K-line aggregation of N trade prints (1 000 000) into 1-minute and 1-day bars, and one
                                   day's official close (plain harness, seconds)
          allocation [--entities N]
                                   allocation of N (10 000) entities × 5 units with full calculation, and a what-if rerun
                                   after one factor change (plain harness, < 1 min)
          inclusion [--events N] [--citizens C] [--batch B] [--quantify Q]
                                   carbon inclusion: quantification and caps in process (Q events, bytes allocated per
                                   event), and durable ingestion of N events (200 000) of C citizens (10 000) through
                                   RecordActions in batches of B (2 000) on SQLite and, with OPENETS_BENCH_PG or
                                   OPENETS_TEST_PG set, PostgreSQL, then a replay (all duplicates); wall and CPU time
          inclusion-http [--events N] [--citizens C] [--batch B] [--clients K] [--server DLL]
                                   carbon inclusion's partner API end to end into PostgreSQL (OPENETS_BENCH_PG or
                                   OPENETS_TEST_PG): the Release server in its own process, this one posting N actions (200 000)
                                   of C citizens (10 000) in batches of B (5 000) from K clients (4); server, database and
                                   generator CPU seconds
          inclusion-page [--citizens C] [--days D] [--actions E] [--reads R] [--keep]
                                   a citizen's page at scale on PostgreSQL (OPENETS_BENCH_PG or OPENETS_TEST_PG): C citizens
                                   (1 000 000) made in SQL with D daily rows and lots (5) and E raw actions (5) each, then R
                                   statements (500) of random citizens: median, p99 and max ms
          inclusion-signatures [--events N] [--citizens C] [--batch B]
                                   partners' per-event signatures: one ECDSA P-256 verification alone (µs CPU), then N partner
                                   events (100 000) of C citizens (10 000) in batches of B (2 000) through PartnerActionsHandler
                                   into SQLite under a batch-authenticated key and under a key requiring every event signed
          inclusion-jetstream [--events N] [--citizens C] [--nats URL] [--warmup W]
                                   carbon inclusion through NATS JetStream end to end: a generator process appends N partner
                                   events (100 000) of C citizens (10 000) to the stream while a worker applies them through
                                   RecordActions into SQLite, after W events of warm-up (100 000: ten of the worker's
                                   batches, so that what it runs once a batch is compiled as a running worker's is); then
                                   the stream alone (fetch + ack); starts its own nats-server
          energy-monitoring [--users N] [--days D] [--batch B]
                                   online energy monitoring: N key energy users (10 000) × 1 hourly meter send D days (7)
                                   of readings through IngestReadings in batches of B (100 000), durable, on PostgreSQL
                                   (OPENETS_BENCH_PG or OPENETS_TEST_PG) else SQLite; a resent batch; data quality of
                                   every unit over the period and over a year of daily rollups (plain harness)
          dual-control [--key-users N]
                                   energy dual control: the 晴雨表 of twelve rounds and the assessment of every unit over a
                                   year, 31 provinces with cities and N key users (10 000), in memory and read from SQLite
        """;

    private static int Main(string[] args)
    {
        string[] rest = args.Length > 1 ? args[1..] : [];
        switch (args.Length > 0 ? args[0] : "")
        {
            case "matching":
                return Matching.MatchingHarness.Run(rest);
            case "matching-bdn":
                return Matching.MatchingBenchmarks.Run(rest);
            case "registry":
                return Registry.RegistryBench.Run(rest);
            case "registry-journal":
                return Registry.RegistryJournalGenerator.Run(rest);
            case "registry-start":
                return Registry.RegistryJournalGenerator.Start(rest);
            case "journal-chain":
                return Registry.JournalChainBench.Run(rest);
            case "mrv":
                return Mrv.MrvBench.Run(rest);
            case "allocation":
                return Allocation.AllocationBench.Run(rest);
            case "offsets":
                return Registry.OffsetsBench.Run(rest);
            case "compliance":
                return Compliance.ComplianceBench.Run(rest);
            case "inclusion":
                return Inclusion.InclusionBench.Run(rest);
            case "inclusion-http":
                return Inclusion.InclusionHttpBench.Run(rest);
            case "inclusion-page":
                return Inclusion.InclusionPageBench.Run(rest);
            case "inclusion-signatures":
                return Inclusion.InclusionSignatureBench.Run(rest);
            case "inclusion-jetstream":
                return Inclusion.InclusionJetStreamBench.Run(rest);
            case "inclusion-jetstream-generate":
                return Inclusion.InclusionJetStreamBench.Generate(rest);
            case "energy-monitoring":
                return Monitoring.MonitoringBench.Run(rest);
            case "auction":
                return Auction.AuctionBench.Run(rest);
            case "dual-control":
                return DualControl.DualControlBench.Run(rest);
            case "exchange-http":
                return Exchange.ExchangeHttpBench.Run(rest);
            case "exchange-restart":
                return Exchange.ExchangeRestartBench.Run(rest);
            case "exchange-settlement":
                return Exchange.SettlementBench.Run(rest);
            case "market-stream":
                return Exchange.MarketStreamBench.Run(rest);
            case "market-data":
                return MarketData.KLineBench.Run(rest);
            case "help" or "--help" or "-h":
                Console.WriteLine(Usage);
                return 0;
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
