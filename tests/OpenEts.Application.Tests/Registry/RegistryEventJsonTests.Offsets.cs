using System.Text;
using System.Text.Json;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Tests.Registry;

// journal-v2.jsonl: rows of the offset events (class definition, issuance with a buffer share, retirement), written by
// hand in the serializer's format, continuing journal-v1's registry. Rows already in journals look like this; never
// regenerate the file. journal-v1.fingerprint.txt: the fingerprint of journal-v1 replayed by the ledger as it stood
// before offset classes were fine-grained (commit 87302b1); never regenerate it either.
public sealed partial class RegistryEventJsonTests
{
    private static readonly string[] JournalV2 =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Registry", "journal-v2.jsonl"), Encoding.UTF8);

    private static readonly Type[] JournalV2Types =
    [
        typeof(AccountOpened), typeof(OffsetClassDefined), typeof(OffsetClassDefined), typeof(OffsetsIssued), typeof(OffsetsIssued),
        typeof(UnitsRetired),
    ];

    [Fact]
    public void RegistryEventJson_ReadsOffsetRowsAndWritesTheSameBytes()
    {
        Assert.Equal(JournalV2Types.Length, JournalV2.Length);

        foreach (var (line, type) in JournalV2.Zip(JournalV2Types))
        {
            var e = RegistryEventJson.Deserialize(line);

            Assert.IsType(type, e);
            using var doc = JsonDocument.Parse(line);
            Assert.Equal(doc.RootElement.GetProperty("type").GetString(), RegistryEventJson.KindOf(e));
            Assert.Equal(line, RegistryEventJson.Serialize(e));
        }
    }

    [Fact]
    public void Issue_10_JournalWrittenBeforeFineGrainedOffsets_ReplaysToTheSameRegistry()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Registry", "journal-v1.fingerprint.txt"), Encoding.UTF8);

        var ledger = RegistryLedger.Replay(JournalV1.Select(RegistryEventJson.Deserialize));

        Assert.Equal(before, ledger.Fingerprint());
        Assert.Equal("1-2000", Blocks(ledger, "GD-INV-0001", UnitClass.Ccer));
        var legacy = ledger.AttributesOf(UnitClass.Ccer)!;
        Assert.Equal((UnitType.Ccer, false, null), (legacy.Programme, legacy.Defined, legacy.HostProvince));
    }

    [Fact]
    public void Issue_10_OffsetRowsAfterAPreChangeJournal_ReplayToOffsetHoldingsAndLists()
    {
        var ffcer = UnitClass.Parse("FFCER-FJ0001-2016");

        var ledger = RegistryLedger.Replay(JournalV1.Concat(JournalV2).Select(RegistryEventJson.Deserialize));

        Assert.Equal("301-8000", Blocks(ledger, "GD-INV-0001", ffcer));
        Assert.Equal("8001-10000", Blocks(ledger, "GD-BUFFER", ffcer));
        Assert.Equal("1-300", Blocks(ledger, "GD-CANCEL", ffcer));
        Assert.Equal("1-5000", Blocks(ledger, "GD-HOLD-0001", UnitClass.Parse("CCER-001234-2019")));
        Assert.Equal("1-2000", Blocks(ledger, "GD-INV-0001", UnitClass.Ccer));
        var retirement = Assert.Single(ledger.Retirements);
        Assert.Equal(("广州马拉松组委会", 300L), (retirement.Beneficiary, retirement.Quantity));
        Assert.Equal(ProjectCategory.Hydropower, ledger.AttributesOf(UnitClass.Parse("CCER-001234-2019"))!.Category);
        Assert.Equal(20m, Assert.IsType<OffsetsIssued>(RegistryEventJson.Deserialize(JournalV2[3])).BufferPercent);
    }
}
