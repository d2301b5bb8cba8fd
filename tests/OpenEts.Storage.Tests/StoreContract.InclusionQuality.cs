using FsCheck;
using FsCheck.Fluent;
using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;

namespace OpenEts.Storage.Tests;

// The partners' quality dashboard (migration 0046): counters kept per partner, programme, day received and outcome as
// each batch is written. After any run of batches — a partner's and the regulator's, mixing every kind of rejection —
// they must equal the sums of the batches' own answers; a partner reads only its own.
public abstract partial class StoreContract<TDb>
{
    // 0 a fresh metro ride, 1 a repeat of an earlier event, 2 an unknown citizen, 3 an impossible speed, 4 from the
    // future, 5 too old, 6 a behaviour outside the key's scope, 7 an unknown behaviour, 8 a quantity too precise.
    private sealed record QualityBatch(bool ByPartner, int[] Kinds);

    [Fact]
    public async Task Inclusion_QualityCounters_EqualTheSumsOfTheBatchesAnswers()
    {
        await using var w = await InclusionWorldAsync();
        var regulator = await w.ActorOf("regulator");
        var citizen = await w.ActorOf("citizen");
        var partners = new PartnerActionsHandler(w.Store, w.Handler);
        Assert.True(IssuePartnerKey.TryParse(new IssuePartnerKey.Form("深圳通（质量）", "shenzhen-tanpuhui", "metro, bus"), InclusionProgrammes.Shipped,
            out var issue, out _));
        var issued = (PartnerKeyIssued)((InclusionCommandOutcome.Completed)await w.Handler.HandleAsync(regulator, issue, Ct)).Result;
        var expected = new Dictionary<(long Partner, string Outcome), long>();
        var next = 0;

        RecordActions.ActionForm Action(int kind)
        {
            var id = kind == 1 && next > 0 ? $"q{next / 2}" : $"q{++next}";
            var ride = Ride(id, "metro", 10m) with { User = "citizen" };
            return kind switch
            {
                2 => ride with { User = "nobody-here" },
                3 => ride with { Quantity = 100m, Minutes = 5m },
                4 => ride with { OccurredAt = "2026-12-05T08:15:00+08:00" },
                5 => ride with { OccurredAt = "2026-09-01T08:15:00+08:00" },
                6 => ride with { Behaviour = "bike", Quantity = 3m },
                7 => ride with { Behaviour = "teleport" },
                8 => ride with { Quantity = 1.2345m },
                _ => ride,
            };
        }

        async Task<bool> RunAsync(QualityBatch[] batches)
        {
            foreach (var batch in batches)
            {
                var command = Batch("shenzhen-tanpuhui", [.. batch.Kinds.Select(Action)]);
                var outcome = batch.ByPartner ? await partners.HandleAsync(issued.Key, command, Ct) : await w.Handler.HandleAsync(regulator, command, Ct);
                var results = ((RecordedActions)((InclusionCommandOutcome.Completed)outcome).Result).Items;
                foreach (var (o, n) in QualityCount.Tally(results))
                {
                    var key = (batch.ByPartner ? issued.Partner.Id : QualityCount.Direct, o);
                    expected[key] = expected.GetValueOrDefault(key) + n;
                }
            }
            var kept = await w.Store.ReadAsync(s => s.Inclusion.QualityAsync(null, null, DateOnly.MinValue, DateOnly.MaxValue), Ct);
            Assert.All(kept, k => Assert.Equal(("shenzhen-tanpuhui", new DateOnly(2026, 11, 30)), (k.Programme, k.Day)));
            Assert.Equal(expected.OrderBy(e => e.Key), kept.ToDictionary(k => (k.Partner, k.Outcome), k => k.Events).OrderBy(e => e.Key));
            return true;
        }

        var batchGen = from byPartner in Gen.Elements(true, false)
                       from size in Gen.Choose(1, 25)
                       from kinds in Gen.Frequency((6, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Choose(2, 8))).ArrayOf(size)
                       select new QualityBatch(byPartner, kinds);
        var cases = from count in Gen.Choose(1, 4) from batches in batchGen.ArrayOf(count) select batches;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(ExchangeCases).WithQuietOnSuccess(true),
            Prop.ForAll(Arb.From(cases), (QualityBatch[] batches) => Task.Run(() => RunAsync(batches), Ct).GetAwaiter().GetResult()));

        var day = new DateOnly(2026, 11, 30);
        var own = (QualityDashboard)((InclusionCommandOutcome.Completed)await partners.QualityAsync(issued.Key, day, day, Ct)).Result;
        var all = await w.Queries.QualityAsync(regulator, null, day, day, Ct);
        Assert.All(own.Rows, r => Assert.Equal(issued.Partner.Id, r.Partner));
        Assert.Equal(expected.Where(e => e.Key.Partner == issued.Partner.Id).Sum(e => e.Value), own.Accepted + own.Rejected);
        Assert.Equal(expected.Values.Sum(), all!.Accepted + all.Rejected);
        Assert.Null(await w.Queries.QualityAsync(citizen, null, day, day, Ct));
        Assert.Equal("PartnerKey", Assert.IsType<InclusionCommandOutcome.Refused>(await partners.QualityAsync("oetsp_" + new string('a', 32), day, day, Ct)).Rule);
    }
}
