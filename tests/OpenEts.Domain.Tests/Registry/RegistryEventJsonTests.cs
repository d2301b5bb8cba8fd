using System.Text.Json;
using OpenEts.Domain.Registry;
using Xunit;
using static OpenEts.Domain.Tests.Registry.RegistryScenario;

namespace OpenEts.Domain.Tests.Registry;

public sealed class RegistryEventJsonTests
{
    private static RegistryScenario EveryEventKind()
    {
        var s = WithAllocation(100);
        var proposed = s.Ok(s.Ledger.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 40, s.Now.AddDays(1)));
        s.Ok(s.Ledger.ApproveTransfer(A2, s.Now, s.NextKey(), ((TransferProposed)proposed.Event).Proposal));
        s.Ok(s.Ledger.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 1, s.Now.AddDays(1)));
        s.Ok(s.Ledger.RejectTransfer(A2, s.Now, s.NextKey(), ProposalId.From(2), "no"));
        s.Ok(s.Ledger.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 1, s.Now.AddDays(1)));
        s.Events.AddRange(s.Ledger.ExpireProposals(s.Now.AddDays(2)));
        s.Ok(s.Ledger.Surrender(A1, s.Now, s.NextKey(), CompanyA, Gdea2017, 10, 2017));
        s.Ok(s.Ledger.Cancel(A1, s.Now, s.NextKey(), CompanyA, Gdea2017, 1, "碳中和会议"));
        s.Ok(s.Ledger.CorrectSerials(Reg1, s.Now, s.NextKey(), Surrender, CompanyA, Gdea2017, SerialBlock.Create(45, 46), "fix"));
        s.Ok(s.Ledger.BlockAccount(Reg1, s.Now, s.NextKey(), CompanyB, "r"));
        s.Ok(s.Ledger.AddRepresentative(Reg1, s.Now, s.NextKey(), CompanyB, UserId.From("b.new")));
        s.Ok(s.Ledger.RemoveRepresentative(Reg1, s.Now, s.NextKey(), CompanyB, B1));
        return s;
    }

    [Fact]
    public void Serialize_EveryEventKind_RoundTripsToAnEqualEvent()
    {
        var s = EveryEventKind();
        Assert.Equal(14, s.Events.Select(e => e.GetType()).Distinct().Count());

        foreach (var e in s.Events)
        {
            var json = RegistryEventJson.Serialize(e);
            var back = RegistryEventJson.Deserialize(json);

            Assert.Equal(e.GetType(), back.GetType());
            Assert.Equal(json, RegistryEventJson.Serialize(back));
            Assert.StartsWith($"{{\"type\":\"{RegistryEventJson.KindOf(e)}\"", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Serialize_Transfer_WritesCanonicalTextAndBlockObjects()
    {
        var s = EveryEventKind();
        var transfer = s.Events.OfType<UnitsTransferred>().Single();

        using var doc = JsonDocument.Parse(RegistryEventJson.Serialize(transfer));
        var root = doc.RootElement;

        Assert.Equal("registry.transfer.executed", root.GetProperty("type").GetString());
        Assert.Equal("GDEA-2017", root.GetProperty("class").GetString());
        Assert.Equal("GD-HOLD-0001", root.GetProperty("from").GetString());
        Assert.Equal(1, root.GetProperty("proposal").GetInt64());
        Assert.Equal(40, root.GetProperty("blocks")[0].GetProperty("last").GetInt64());
        Assert.Equal("a.zhao", root.GetProperty("actor").GetString());
    }

    [Fact]
    public void Deserialize_ReplayedEvents_RebuildTheSameRegistry()
    {
        var s = EveryEventKind();

        var replayed = RegistryLedger.Replay(s.Events.Select(RegistryEventJson.Serialize).Select(RegistryEventJson.Deserialize));

        Assert.Equal(Snapshot(s.Ledger), Snapshot(replayed));
    }

    [Theory]
    [InlineData("{\"type\":\"registry.nope\"}")]
    [InlineData("{\"type\":\"registry.units.issued\",\"class\":\"EUA\",\"blocks\":[]}")]
    [InlineData("{\"type\":\"registry.units.issued\",\"blocks\":[{\"first\":5,\"last\":4}]}")]
    public void Deserialize_BadJson_ThrowsJsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => RegistryEventJson.Deserialize(json));

    [Fact]
    public void Apply_TransferOfSerialsNotHeld_Throws()
    {
        var s = WithAllocation(10);
        var forged = new UnitsCorrected(s.Now, Reg1, IdempotencyKey.From("forged"), CompanyB, CompanyA, Gdea2017,
            [SerialBlock.Create(1, 5)], true, "forged");

        Assert.Throws<InvalidOperationException>(() => s.Ledger.Apply(forged));
    }
}
