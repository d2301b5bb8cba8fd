using System.Text;
using System.Text.Json;
using OpenEts.Application.Registry;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Domain.Tests.Registry;
using static OpenEts.Domain.Tests.Registry.RandomRegistryRequests;
using static OpenEts.Domain.Tests.Registry.RegistryScenario;

namespace OpenEts.Application.Tests.Registry;

/// <summary>
/// The journal's JSON: today's rows read back and re-serialize to the same bytes, every event kind and random request
/// sequences round-trip, bad rows are <see cref="JsonException"/>s. <see cref="RegistryScenario"/> and
/// <see cref="RandomRegistryRequests"/> are linked from OpenEts.Domain.Tests.
/// </summary>
public sealed partial class RegistryEventJsonTests
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

    internal static RegistryScenario EveryEventKind()
    {
        var s = WithAllocation(100);
        var proposed = s.Ok(s.Ledger.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 40, s.Now.AddDays(1)));
        s.Ok(s.Ledger.ApproveTransfer(A2, s.Now, s.NextKey(), ((TransferProposed)proposed.Event).Proposal));
        s.Ok(s.Ledger.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 1, s.Now.AddDays(1)));
        s.Ok(s.Ledger.RejectTransfer(A2, s.Now, s.NextKey(), ProposalId.From(2), "no"));
        s.Ok(s.Ledger.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 1, s.Now.AddDays(1)));
        s.Events.AddRange(s.Ledger.ExpireProposals(s.Now.AddDays(2)));
        s.Ok(s.Ledger.Surrender(A1, s.Now, s.NextKey(), CompanyA, Gdea2017, 10, 2017));
        s.Ok(s.Ledger.Surrender(A1, s.Now, s.NextKey(), CompanyA, Gdea2017, 5, 2017, AnEntity));
        s.Ok(s.Ledger.Cancel(A1, s.Now, s.NextKey(), CompanyA, Gdea2017, 1, "碳中和会议"));
        s.Ok(s.Ledger.CorrectSerials(Reg1, s.Now, s.NextKey(), Surrender, CompanyA, Gdea2017, SerialBlock.Create(45, 46), "fix"));
        s.Ok(s.Ledger.BlockAccount(Reg1, s.Now, s.NextKey(), CompanyB, "r"));
        s.Ok(s.Ledger.AddRepresentative(Reg1, s.Now, s.NextKey(), CompanyB, UserId.From("b.new")));
        s.Ok(s.Ledger.RemoveRepresentative(Reg1, s.Now, s.NextKey(), CompanyB, B1));
        s.Ok(s.Ledger.OpenAccount(Reg1, s.Now, s.NextKey(), BufferPool, AccountKind.Buffer, "Buffer", [Reg1, Reg2]));
        s.Ok(s.Ledger.DefineOffsetClass(Reg1, s.Now, s.NextKey(), CcerHydro, "雅砻江水电站", ProjectCategory.Hydropower, "SC", true));
        BufferShare.TryOfPercent(12.5m, out var share, out _);
        s.Ok(s.Ledger.IssueOffsets(Reg1, s.Now, s.NextKey(), CcerHydro, 1000, CompanyA, BufferPool, share, "MR-1"));
        s.Ok(s.Ledger.Retire(A1, s.Now, s.NextKey(), CompanyA, CcerHydro, 10, "受益人", "碳中和"));
        return s;
    }

    [Fact]
    public void Serialize_EveryEventKind_RoundTripsToAnEqualEvent()
    {
        var s = EveryEventKind();
        Assert.Equal(17, s.Events.Select(e => e.GetType()).Distinct().Count());

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
    public void Write_EveryEventKindAndEveryJournalRow_WritesTheUtf8OfSerialize()
    {
        var events = EveryEventKind().Events.Concat(JournalV1.Select(RegistryEventJson.Deserialize)).ToList();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, RegistryEventJson.WriterOptions);

        foreach (var e in events)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            RegistryEventJson.Write(writer, e);
            writer.Flush();

            Assert.Equal(RegistryEventJson.Serialize(e), Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }

    [Theory]
    [InlineData(null, "exchange/order/12/reserve", "key-1", 1, 0)]
    [InlineData("exchange/client/7", "卖出委托 \"甲\" <12> & 'b'", "exchange/order/12/reserve", 3, 8)]
    [InlineData(null, "exchange/trade/7", null, 2, -5)]
    public void Write_AClearingMove_WritesTheSerializersBytes(string? mandate, string reference, string? key, int blocks, int offsetHours)
    {
        // Clearing moves are written field by field (the hot path of every sell order): with and without a client's
        // mandate or a key, with text the encoder escapes, several blocks and times in any offset with milliseconds.
        var at = new DateTimeOffset(2026, 11, 30, 10, 0, 0, 123, TimeSpan.FromHours(offsetHours));
        var e = new UnitsCleared(at, UserId.From("power-a"), key is null ? null : IdempotencyKey.From(key),
            AccountNumber.From("GD-HOLD-0001"), AccountNumber.From("GD-CLEARING"), UnitClass.Allowance("GD", 2017),
            [.. Enumerable.Range(0, blocks).Select(i => SerialBlock.Create(1 + 100L * i, 50 + 100L * i))], reference, mandate);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, RegistryEventJson.WriterOptions);

        RegistryEventJson.Write(writer, e);
        writer.Flush();

        var written = Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.Equal(JsonSerializer.Serialize<RegistryEvent>(e, RegistryEventJson.Options), written);
        Assert.Equal(written, RegistryEventJson.Serialize(RegistryEventJson.Deserialize(buffer.WrittenSpan)));
    }

    // A covered entity's credit code (GB 32100-2015, with its check character).
    private static readonly CreditCode AnEntity = CreditCode.Parse("91350100M000100Y43").Code;

    [Fact]
    public void Serialize_ASurrender_KeepsTheEntityItWasMadeFor_AndOneMadeForNoneIsWrittenAsBefore()
    {
        var s = EveryEventKind();
        var surrenders = s.Events.OfType<UnitsSurrendered>().ToList();

        var without = RegistryEventJson.Serialize(surrenders[0]);
        var with = RegistryEventJson.Serialize(surrenders[1]);

        Assert.DoesNotContain("entity", without, StringComparison.Ordinal);
        Assert.Contains(",\"entity\":\"91350100M000100Y43\",", with, StringComparison.Ordinal);
        Assert.Equal(AnEntity, Assert.IsType<UnitsSurrendered>(RegistryEventJson.Deserialize(with)).Entity);
        Assert.Null(Assert.IsType<UnitsSurrendered>(RegistryEventJson.Deserialize(without)).Entity);
        // A code whose check character is wrong does not read: the journal holds only valid codes.
        Assert.Throws<JsonException>(() => RegistryEventJson.Deserialize(with.Replace("Y43", "Y44", StringComparison.Ordinal)));
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

    [Fact]
    public void RandomRequests_ReplayedThroughJson_RebuildTheSameRegistryAndRecogniseEveryKey() =>
        Check((s, requests) =>
        {
            foreach (var request in requests)
            {
                s.Now = s.Now.AddMinutes(7);
                Run(s, request);
            }

            var fromJson = RegistryLedger.Replay(s.Events.Select(RegistryEventJson.Serialize).Select(RegistryEventJson.Deserialize));

            Assert.Equal(Snapshot(s.Ledger), Snapshot(fromJson));
            foreach (var e in s.Events.Where(e => e.Key is not null))
            {
                var repeat = RepeatOn(fromJson, e);
                Assert.True(repeat is RegistryOutcome.Completed { Duplicate: true }, $"{e.GetType().Name} {e.Key} was not recognised after replay");
            }
        });

    [Theory]
    [InlineData("{\"type\":\"registry.nope\"}")]
    [InlineData("{\"type\":\"registry.units.issued\",\"class\":\"EUA\",\"blocks\":[]}")]
    [InlineData("{\"type\":\"registry.units.issued\",\"blocks\":[{\"first\":5,\"last\":4}]}")]
    public void Deserialize_BadJson_ThrowsJsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => RegistryEventJson.Deserialize(json));

    // A changed journal row must be reported as a bad row (verify and start-up catch JsonException), never crash the
    // reader with the ArgumentException of a value type's factory.
    [Theory]
    [InlineData("\"actor\":\"reg.li\"", "\"actor\":\"\"")]
    [InlineData("\"actor\":\"reg.li\"", "\"actor\":null")]
    [InlineData("\"actor\":\"reg.li\"", "\"actor\":7")]
    [InlineData("\"key\":\"issue-006\"", "\"key\":\"\"")]
    [InlineData("\"key\":\"issue-006\"", "\"key\":false")]
    [InlineData("\"account\":\"GD-ISSUE\"", "\"account\":\"GD ISSUE!\"")]
    [InlineData("\"account\":\"GD-ISSUE\"", "\"account\":null")]
    [InlineData("\"class\":\"GDEA-2023\"", "\"class\":2023")]
    [InlineData("\"class\":\"GDEA-2023\"", "\"class\":\"GDEA-1999\"")]
    [InlineData("{\"first\":1,\"last\":1000000}", "{\"first\":\"1\",\"last\":1000000}")]
    [InlineData("{\"first\":1,\"last\":1000000}", "{\"first\":0,\"last\":1000000}")]
    [InlineData("{\"first\":1,\"last\":1000000}", "{\"last\":1000000}")]
    public void Issue_7_Deserialize_ChangedValueInAJournalRow_ThrowsJsonException(string value, string changed)
    {
        var line = JournalV1[5];
        Assert.Contains(value, line, StringComparison.Ordinal);

        var e = Record.Exception(() => RegistryEventJson.Deserialize(line.Replace(value, changed, StringComparison.Ordinal)));

        Assert.IsAssignableFrom<JsonException>(e);
    }

    [Theory]
    [InlineData("\"proposal\":1,", "\"proposal\":0,")]
    [InlineData("\"proposal\":1,", "\"proposal\":-3,")]
    [InlineData("\"proposal\":1,", "\"proposal\":\"1\",")]
    [InlineData("\"proposal\":1,", "\"proposal\":null,")]
    [InlineData("\"proposal\":1,", "\"proposal\":1.5,")]
    [InlineData("\"quantity\":25000", "\"quantity\":-1")]
    [InlineData("\"quantity\":25000", "\"quantity\":\"25000\"")]
    [InlineData("\"quantity\":25000", "\"quantity\":null")]
    [InlineData("\"quantity\":25000", "\"quantity\":2.5")]
    public void Issue_7_Deserialize_BadProposalOrQuantity_ThrowsJsonException(string value, string changed)
    {
        var line = JournalV1[10];
        Assert.Contains(value, line, StringComparison.Ordinal);

        var e = Record.Exception(() => RegistryEventJson.Deserialize(line.Replace(value, changed, StringComparison.Ordinal)));

        Assert.IsAssignableFrom<JsonException>(e);
    }

    [Fact]
    public void Issue_7_DomainAssembly_ReferencesNoSerializerAndItsTypesCarryNoJsonAttributes()
    {
        var domain = typeof(RegistryEvent).Assembly;

        Assert.DoesNotContain(domain.GetReferencedAssemblies(), a => a.Name == "System.Text.Json");
        Assert.DoesNotContain(domain.GetTypes(), t => t.GetCustomAttributesData()
            .Any(a => a.AttributeType.Namespace?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void KindOf_EveryEventType_IsTheNameWrittenAsType()
    {
        var s = EveryEventKind();

        var kinds = s.Events.Select(e => (e.GetType(), RegistryEventJson.KindOf(e))).Distinct().ToList();

        Assert.Equal(17, kinds.Select(k => k.Item2).Distinct().Count());
        Assert.All(kinds, k => Assert.StartsWith("registry.", k.Item2, StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => RegistryEventJson.KindOf(new Unnamed(s.Now, Reg1, null)));
    }

    private sealed record Unnamed(DateTimeOffset At, UserId Actor, IdempotencyKey? Key) : RegistryEvent(At, Actor, Key)
    {
        public override RegistryEventFacts Facts(RegistryLedger ledger) => throw new NotSupportedException();
    }
}
