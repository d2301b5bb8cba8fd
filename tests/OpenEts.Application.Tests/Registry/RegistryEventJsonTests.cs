using System.Text;
using System.Text.Json;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Tests.Registry;

public sealed class RegistryEventJsonTests
{
    // journal-v1.jsonl: the payloads of a Guangdong-style registry's first day (every event type, Chinese text, several
    // blocks, a null key, +08:00 and UTC times), written by the serializer as it stood in commit 98050e9. Rows already
    // in journals look like this; never regenerate the file, add a new one if the format ever changes on purpose.
    private static readonly string[] JournalV1 =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Registry", "journal-v1.jsonl"), Encoding.UTF8);

    private static readonly Type[] JournalV1Types =
    [
        typeof(RegistryInitialised), typeof(AccountOpened), typeof(AccountOpened), typeof(AccountOpened), typeof(AccountOpened),
        typeof(UnitsIssued), typeof(UnitsIssued), typeof(UnitsAllocated), typeof(UnitsAllocated), typeof(UnitsCorrected),
        typeof(TransferProposed), typeof(UnitsTransferred), typeof(TransferProposed), typeof(UnitsTransferred),
        typeof(TransferProposed), typeof(TransferRejected), typeof(TransferProposed), typeof(ProposalExpired),
        typeof(UnitsSurrendered), typeof(UnitsCancelled), typeof(UnitsCorrected), typeof(AccountStateChanged),
        typeof(AccountStateChanged), typeof(RepresentativeAdded), typeof(RepresentativeRemoved), typeof(AccountStateChanged),
    ];

    [Fact]
    public void RegistryEventJson_ReadsJournalRowsOfTheCurrentFormat()
    {
        Assert.Equal(JournalV1Types.Length, JournalV1.Length);
        Assert.Equal(14, JournalV1Types.Distinct().Count());

        foreach (var (line, type) in JournalV1.Zip(JournalV1Types))
        {
            var e = RegistryEventJson.Deserialize(line);

            Assert.IsType(type, e);
            using var doc = JsonDocument.Parse(line);
            Assert.Equal(doc.RootElement.GetProperty("type").GetString(), RegistryEventJson.KindOf(e));
            Assert.Equal(Encoding.UTF8.GetBytes(line), Encoding.UTF8.GetBytes(RegistryEventJson.Serialize(e)));
        }
    }

    [Fact]
    public void RegistryEventJson_JournalRowsOfTheCurrentFormat_ReplayToTheSameHoldings()
    {
        var events = JournalV1.Select(RegistryEventJson.Deserialize).ToList();

        var ledger = RegistryLedger.Replay(events);

        var gdea = UnitClass.Allowance("GD", 2023);
        Assert.Equal("25001-25010,575101-600000", Blocks(ledger, "GD-HOLD-0001", gdea));
        Assert.Equal("875011-900000", Blocks(ledger, "GD-HOLD-0002", gdea));
        Assert.Equal("1-25000,600001-875010", Blocks(ledger, "GD-INV-0001", gdea));
        Assert.Equal("1-2000", Blocks(ledger, "GD-INV-0001", UnitClass.Ccer));
        Assert.Equal("25011-575000", Blocks(ledger, "GD-SURRENDER", gdea));
        Assert.Equal(AccountState.Closed, ledger.FindAccount(AccountNumber.From("GD-CLEAR"))!.State);
        Assert.Equal([UserId.From("b.huang"), UserId.From("b.new")], ledger.FindAccount(AccountNumber.From("GD-HOLD-0002"))!.Representatives);
        var expired = Assert.Single(events.OfType<ProposalExpired>());
        Assert.Null(expired.Key);
        Assert.Equal(UserId.System, expired.Actor);
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 8, 19, 16, TimeSpan.Zero).AddTicks(6126789), expired.At);
        Assert.Equal("广东省生态环境厅", Assert.IsType<RegistryInitialised>(events[0]).Authority);
    }

    private static string Blocks(RegistryLedger ledger, string account, UnitClass unitClass) =>
        string.Join(",", ledger.HoldingsOf(AccountNumber.From(account)).Where(h => h.Class == unitClass).SelectMany(h => h.Blocks));
}
