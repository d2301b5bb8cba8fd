using System.Reflection;
using OpenEts.Domain.Registry;
using Xunit;
using static OpenEts.Domain.Tests.Registry.RandomRegistryRequests;
using static OpenEts.Domain.Tests.Registry.RegistryScenario;

namespace OpenEts.Domain.Tests.Registry;

/// <summary>A ledger restored from its state (a snapshot) holds and answers exactly as the one it was taken from.</summary>
public sealed class RegistryLedgerStateTests
{
    // Every field the ledger keeps; a new one must be carried by RegistryLedgerState (ToState and FromState) and then
    // added here, or snapshots would silently drop it.
    private static readonly string[] CarriedFields =
    [
        "_accounts", "_holdings", "_lastSerial", "_proposals", "_pending", "_proposalCount", "_requests", "_definitions",
        "_retired", "_retirements", "_offsetIssuances", "_keyQueue", "_decidedQueue", "_surrenders",
        "<Authority>k__BackingField", "<IssuanceAccount>k__BackingField", "<SurrenderAccount>k__BackingField",
        "<CancellationAccount>k__BackingField", "<Clock>k__BackingField", "<RequestArchive>k__BackingField",
        "<ProposalArchive>k__BackingField",
    ];

    // Fields worked out again from the carried ones when a ledger is restored (FromState), not carried themselves: the
    // surrenders' standing tonnes (a cache), the count of surrenders, and whether any correction touched a surrender.
    private static readonly string[] DerivedFields =
    [
        "_standing", "_standingAt", "_surrenderCount", "<SurrenderCorrections>k__BackingField",
    ];

    [Fact]
    public void RegistryLedgerState_CarriesEveryFieldOfTheLedger()
    {
        var fields = typeof(RegistryLedger).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Select(f => f.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(CarriedFields.Concat(DerivedFields).Order(StringComparer.Ordinal), fields);
    }

    [Fact]
    public void FromState_AfterRandomRequests_HoldsAndAnswersAsTheOriginal() =>
        Check((s, requests) =>
        {
            var half = requests.Count / 2;
            foreach (var request in requests.Take(half))
            {
                s.Now = s.Now.AddHours(5);
                Run(s, request);
            }
            var restored = RegistryLedger.FromState(s.Ledger.ToState());

            Assert.Equal(s.Ledger.Fingerprint(), restored.Fingerprint());
            Assert.Equal(s.Ledger.KeysInMemory, restored.KeysInMemory);
            Assert.Equal(s.Ledger.LastProposalId, restored.LastProposalId);
            Assert.Equal(s.Ledger.Clock, restored.Clock);
            for (var year = 2015; year <= 2030; year++)
            {
                Assert.Equal(s.Ledger.SurrendersFor(year), restored.SurrendersFor(year));
            }
            // The rest of the requests, applied to both, leave them equal again (keys and proposals leave memory alike).
            foreach (var e in RaisedBy(s, requests.Skip(half)))
            {
                restored.Apply(e);
            }
            Assert.Equal(s.Ledger.Fingerprint(), restored.Fingerprint());
            Assert.Equal(s.Ledger.KeysInMemory, restored.KeysInMemory);
        });

    private static List<RegistryEvent> RaisedBy(RegistryScenario s, IEnumerable<Func<DateTimeOffset, RegistryOutcome?>> requests)
    {
        var raised = new List<RegistryEvent>();
        foreach (var request in requests)
        {
            s.Now = s.Now.AddHours(5);
            var expired = s.Ledger.ExpireProposals(s.Now);
            raised.AddRange(expired);
            if (request(s.Now) is RegistryOutcome.Completed { Duplicate: false } c)
            {
                raised.Add(c.Event);
            }
        }
        return raised;
    }
}
