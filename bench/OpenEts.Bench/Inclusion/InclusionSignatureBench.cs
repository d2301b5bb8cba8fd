using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Storage;

namespace OpenEts.Bench.Inclusion;

/// <summary>
/// Partners' per-event signatures: the cost of one ECDSA P-256 verification (SHA-256) alone, then a partner's batches
/// through <see cref="PartnerActionsHandler"/> into SQLite twice — under a key that authenticates the batch only, and
/// under a key that requires every event signed (the same events, other ids). The signatures are made before the clock
/// starts (that is the partner's work). Wall and process CPU seconds are printed.
/// </summary>
internal static class InclusionSignatureBench
{
    private const string Programme = "shenzhen-tanpuhui";

    public static int Run(string[] args)
    {
        var events = Option(args, "--events", 100_000);
        var citizens = Option(args, "--citizens", 10_000);
        var batch = Option(args, "--batch", 2_000);
        using var signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        VerifyAlone(signer, Math.Min(events, 20_000));
        var folder = Directory.CreateTempSubdirectory("openets-signature-bench");
        try
        {
            IngestAsync(Path.Combine(folder.FullName, "inclusion.db"), signer, events, citizens, batch).GetAwaiter().GetResult();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
        return 0;
    }

    private static void VerifyAlone(ECDsa signer, int n)
    {
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        var messages = new byte[n][];
        var signatures = new string[n];
        for (var i = 0; i < n; i++)
        {
            messages[i] = PartnerSignature.Message(Programme, "gate-1", "v" + i.ToString(CultureInfo.InvariantCulture), "c1", "metro", at, 12m, 25m, null);
            signatures[i] = Convert.ToBase64String(signer.SignData(messages[i], HashAlgorithmName.SHA256));
        }
        using var verifier = PartnerSignature.Verifier(Convert.ToBase64String(signer.ExportSubjectPublicKeyInfo()));
        var cpu = CpuTime.ProcessMilliseconds();
        var time = Stopwatch.StartNew();
        var valid = 0;
        for (var i = 0; i < n; i++)
        {
            valid += PartnerSignature.Verify(verifier, PartnerSignature.Message(Programme, "gate-1", "v" + i.ToString(CultureInfo.InvariantCulture), "c1",
                "metro", at, 12m, 25m, null), signatures[i]) ? 1 : 0;
        }
        var seconds = time.Elapsed.TotalSeconds;
        var cpuSeconds = (CpuTime.ProcessMilliseconds() - cpu) / 1000;
        Print($"ECDSA P-256 verification alone (canonical bytes + SHA-256 + verify), one thread: {n:N0} in {seconds:F2} s wall, {cpuSeconds:F2} s CPU "
            + $"= {cpuSeconds * 1e6 / n:F1} µs CPU a verification, {n / cpuSeconds:N0} verifications per CPU-second ({valid:N0} valid)");
    }

    private static async Task IngestAsync(string database, ECDsa signer, int events, int citizens, int batch)
    {
        await using var store = await SqlStore.OpenAsync(database, CancellationToken.None);
        // Whole seconds: the events' times are sent to the second, and the signature covers the time read from them.
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var plainKey = PartnerKey.FromRandom(RandomNumberGenerator.GetBytes(PartnerKey.RandomBytes)).Value;
        var signedKey = PartnerKey.FromRandom(RandomNumberGenerator.GetBytes(PartnerKey.RandomBytes)).Value;
        await store.WriteAsync(async s =>
        {
            for (var i = 0; i < citizens; i++)
            {
                await s.Users.InsertAsync(new UserRecord(0, Name(i), "bench", Role.Citizen, null, "x", 0, null), now);
            }
            var scope = new PartnerScope(Programme, [Behaviour.Metro, Behaviour.Bus]);
            await s.Inclusion.InsertPartnerAsync(new InclusionPartner(0, "batch-authenticated", scope, plainKey[..10], PartnerKey.Hash(plainKey), now, "bench", null));
            await s.Inclusion.InsertPartnerAsync(new InclusionPartner(0, "signing", scope, signedKey[..10], PartnerKey.Hash(signedKey), now, "bench", null,
                Convert.ToBase64String(signer.ExportSubjectPublicKeyInfo())));
            return 0;
        }, CancellationToken.None);
        using var registry = new RegistryService(store);
        var partners = new PartnerActionsHandler(store, InclusionCommandHandler.Over(store, registry, TimeProvider.System));
        foreach (var (label, key, sign) in new[] { ("batch-authenticated key", plainKey, false), ("every event signed", signedKey, true) })
        {
            var batches = new List<RecordActions>();
            for (var start = 0; start < events; start += batch)
            {
                var forms = new List<RecordActions.ActionForm>();
                for (var i = start; i < Math.Min(events, start + batch); i++)
                {
                    var at = now.AddMinutes(-(i % 10_000) - 1 - 37 * (i / 10_000)).ToOffset(TimeSpan.FromHours(8));
                    var id = "e" + i.ToString(CultureInfo.InvariantCulture);
                    var source = "gate-" + (i % 7).ToString(CultureInfo.InvariantCulture);
                    var behaviour = i % 2 == 0 ? "metro" : "bus";
                    var km = 1m + (i % 13);
                    var signature = sign
                        ? Convert.ToBase64String(signer.SignData(PartnerSignature.Message(Programme, source, id, Name(i % citizens), behaviour, at, km, 20m, null),
                            HashAlgorithmName.SHA256))
                        : null;
                    forms.Add(new RecordActions.ActionForm(id, source, behaviour, at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), km, 20m,
                        null, Name(i % citizens), signature));
                }
                if (!RecordActions.TryParse(new RecordActions.Form(Programme, forms), InclusionProgrammes.Shipped, out var command, out var errors))
                {
                    throw new InvalidOperationException(string.Join("; ", errors.Select(e => e.Message)));
                }
                batches.Add(command);
            }
            var (counted, refused) = (0, 0);
            var cpu = CpuTime.ProcessMilliseconds();
            var time = Stopwatch.StartNew();
            foreach (var command in batches)
            {
                var result = (RecordedActions)((InclusionCommandOutcome.Completed)await partners.HandleAsync(key, command, CancellationToken.None)).Result;
                counted += result.Counted;
                refused += result.Items.Count(r => r.Rule is "BadSignature" or "MissingSignature");
            }
            var seconds = time.Elapsed.TotalSeconds;
            var cpuSeconds = (CpuTime.ProcessMilliseconds() - cpu) / 1000;
            Print($"SQLite, partner batches through PartnerActionsHandler, {label}: {events:N0} events of {citizens:N0} citizens in batches of {batch:N0}: "
                + $"{seconds:F2} s wall, {cpuSeconds:F2} s CPU = {events / seconds:N0} events/s wall, {events / cpuSeconds:N0} events per CPU-second "
                + $"({counted:N0} counted, {refused:N0} refused for their signature)");
        }
    }

    private static string Name(int i) => "c" + i.ToString(CultureInfo.InvariantCulture);

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static void Print(string line) => Console.WriteLine(line);
}
