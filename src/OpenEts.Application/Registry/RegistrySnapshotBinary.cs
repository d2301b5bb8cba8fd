using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// The state of a version-2 registry snapshot as binary (before compression). A snapshot is dominated by the retention
/// window (a day's keyed requests and decided proposals: tens of thousands of records), which as JSON took most of a
/// start; here each record is a few integers and indexes into one table of the account numbers, classes and users it
/// names, each parsed once. Every record is written field by field, as are the request kinds that fill the window (a
/// transfer's proposal and its execution, a surrender (with the entity it counts for, when it names one), the exchange's moves into and out of clearing: a sell's hold, a
/// trade's delivery, a release); any other event is embedded as the registry's JSON. A reader of this build reads every
/// snapshot an earlier one wrote (its clearing moves as JSON).
/// </summary>
/// <remarks>
/// Layout: the format name and version, the sequence, the name table (count, then strings), then the state's fields in
/// <see cref="RegistryLedgerState"/> order. Counts and strings use <see cref="BinaryWriter"/>'s 7-bit lengths; times are
/// UTC ticks and an offset in minutes.
/// </remarks>
internal static class RegistrySnapshotBinary
{
    private const byte JsonEvent = 0;
    private const byte ProposedEvent = 1;
    private const byte TransferredEvent = 2;
    private const byte SurrenderedEvent = 3;
    private const byte DefinedEvent = 4;
    private const byte ClearedEvent = 5;

    // A surrender with the entity it counts for (written by this build; a surrender without one is still SurrenderedEvent).
    private const byte SurrenderedForEvent = 6;

    /// <summary>
    /// Writes the snapshot of <paramref name="state"/> at <paramref name="sequence"/> to <paramref name="output"/> (the
    /// compressor): the body first into memory sized for it (its name table is known only once it is written), then the
    /// header and the body, with no other copy — a trading day's window is tens of megabytes, and each doubling of a
    /// buffer of that size, or a copy of it, is a large object that brings the next full collection nearer.
    /// </summary>
    public static void Write(Stream output, RegistryLedgerState state, long sequence)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(state);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        // About 64 bytes a record (a request: its tag, time, actor and key, accounts, class, a block or two, a reference).
        var records = (long)state.Requests.Count + state.Proposals.Count + state.Holdings.Count + state.Accounts.Count + 1024;
        using var body = new MemoryStream((int)Math.Min(records * 64, 1 << 30));
        using (var w = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            new Writer(w, names).State(state);
        }
        using (var w = new BinaryWriter(output, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(RegistrySnapshotFormat.Format);
            w.Write(RegistrySnapshotFormat.Version);
            w.Write(sequence);
            w.Write7BitEncodedInt(names.Count);
            foreach (var name in names.OrderBy(n => n.Value))
            {
                w.Write(name.Key);
            }
        }
        output.Write(body.GetBuffer(), 0, (int)body.Length);
    }

    /// <summary>
    /// Reads what <see cref="Write"/> wrote, after the format name (which the caller has checked). Throws
    /// <see cref="InvalidDataException"/>, <see cref="EndOfStreamException"/>, <see cref="ArgumentException"/> or
    /// <see cref="JsonException"/> on bytes that do not read.
    /// </summary>
    public static (int Version, long Sequence, RegistryLedgerState? State) Read(BinaryReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var version = r.ReadInt32();
        var sequence = r.ReadInt64();
        if (version != RegistrySnapshotFormat.Version)
        {
            return (version, sequence, null);
        }
        var names = new string[Count(r)];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = r.ReadString();
        }
        return (version, sequence, new Reader(r, names).State());
    }

    private static int Count(BinaryReader r)
    {
        var count = r.Read7BitEncodedInt();
        return count >= 0 && count <= r.BaseStream.Length - r.BaseStream.Position
            ? count
            : throw new InvalidDataException($"a count of {count} is beyond the snapshot's end");
    }

    private sealed class Writer(BinaryWriter w, Dictionary<string, int> names)
    {
        public void State(RegistryLedgerState s)
        {
            OptionalText(s.Authority);
            OptionalName(s.Issuance?.Value);
            OptionalName(s.Surrender?.Value);
            OptionalName(s.Cancellation?.Value);
            List(s.Accounts, OpenedAccount);
            List(s.Holdings, Held);
            List(s.LastSerials, c =>
            {
                Name(c.Class.ToString());
                w.Write(c.Last);
            });
            List(s.Definitions, Event);
            List(s.Retired, Held);
            List(s.Retirements, Retirement);
            List(s.OffsetIssuances, Issuance);
            w.Write(s.ProposalCount);
            List(s.Proposals, Proposal);
            List(s.DecidedOrder, w.Write);
            List(s.Requests, Event);
            Time(s.Clock);
            List(s.Surrenders, Event);
        }

        private void OpenedAccount(Account a)
        {
            Name(a.Number.Value);
            w.Write((byte)a.Kind);
            w.Write((byte)a.State);
            w.Write(a.HolderName);
            List(a.Representatives, u => Name(u.Value));
            Time(a.OpenedAt);
        }

        private void Issuance(OffsetIssuance i)
        {
            w.Write(i.Number);
            Time(i.At);
            Name(i.Class.ToString());
            Name(i.Owner.Value);
            Blocks(i.OwnerBlocks);
            w.Write(i.OwnerQuantity);
            Blocks(i.BufferBlocks);
            w.Write(i.BufferQuantity);
            w.Write(i.Reference);
        }

        private void Held(HeldBlocks h)
        {
            Name(h.Account.Value);
            Name(h.Class.ToString());
            Blocks(h.Blocks);
        }

        private void Retirement(Retirement t)
        {
            w.Write(t.Number);
            Time(t.At);
            Name(t.From.Value);
            Name(t.Class.ToString());
            Blocks(t.Blocks);
            w.Write(t.Quantity);
            w.Write(t.Beneficiary);
            w.Write(t.Purpose);
        }

        private void Proposal(TransferProposal p)
        {
            w.Write(p.Id.Value);
            Name(p.From.Value);
            Name(p.To.Value);
            Name(p.Class.ToString());
            w.Write(p.Quantity);
            Name(p.ProposedBy.Value);
            Time(p.ProposedAt);
            Time(p.ExpiresAt);
            w.Write((byte)p.State);
            OptionalName(p.DecidedBy?.Value);
            w.Write(p.DecidedAt is not null);
            if (p.DecidedAt is { } decided)
            {
                Time(decided);
            }
            Blocks(p.Blocks);
        }

        private void Event(RegistryEvent e)
        {
            switch (e)
            {
                case TransferProposed p:
                    Head(ProposedEvent, p);
                    w.Write(p.Proposal.Value);
                    Name(p.From.Value);
                    Name(p.To.Value);
                    Name(p.Class.ToString());
                    w.Write(p.Quantity.Value);
                    Time(p.ExpiresAt);
                    break;
                case UnitsTransferred t:
                    Head(TransferredEvent, t);
                    w.Write(t.Proposal.Value);
                    Name(t.From.Value);
                    Name(t.To.Value);
                    Name(t.Class.ToString());
                    Blocks(t.Blocks);
                    break;
                case UnitsSurrendered u:
                    Head(u.Entity is null ? SurrenderedEvent : SurrenderedForEvent, u);
                    Name(u.From.Value);
                    Name(u.To.Value);
                    Name(u.Class.ToString());
                    w.Write(u.ComplianceYear);
                    Blocks(u.Blocks);
                    if (u.Entity is { } entity)
                    {
                        Name(entity.Value);
                    }
                    break;
                case UnitsCleared c:
                    Head(ClearedEvent, c);
                    Name(c.From.Value);
                    Name(c.To.Value);
                    Name(c.Class.ToString());
                    Blocks(c.Blocks);
                    w.Write(c.Reference);
                    OptionalText(c.Mandate);
                    break;
                case OffsetClassDefined d:
                    Head(DefinedEvent, d);
                    Name(d.Class.ToString());
                    w.Write(d.Title);
                    w.Write((byte)d.Category);
                    w.Write(d.HostProvince);
                    w.Write(d.PreCdm);
                    break;
                default:
                    w.Write(JsonEvent);
                    w.Write(RegistryEventJson.Serialize(e));
                    break;
            }
        }

        private void Head(byte tag, RegistryEvent e)
        {
            w.Write(tag);
            Time(e.At);
            Name(e.Actor.Value);
            OptionalText(e.Key?.Value);
        }

        private void Blocks(IReadOnlyList<SerialBlock> blocks)
        {
            w.Write7BitEncodedInt(blocks.Count);
            foreach (var b in blocks)
            {
                w.Write(b.First);
                w.Write(b.Last);
            }
        }

        private void List<T>(IReadOnlyList<T> items, Action<T> write)
        {
            w.Write7BitEncodedInt(items.Count);
            foreach (var item in items)
            {
                write(item);
            }
        }

        private void Time(DateTimeOffset t)
        {
            w.Write(t.UtcTicks);
            w.Write((short)t.Offset.TotalMinutes);
        }

        private void Name(string name)
        {
            if (!names.TryGetValue(name, out var index))
            {
                index = names.Count;
                names.Add(name, index);
            }
            w.Write7BitEncodedInt(index);
        }

        private void OptionalName(string? name)
        {
            if (name is null)
            {
                w.Write7BitEncodedInt(-1);
                return;
            }
            Name(name);
        }

        private void OptionalText(string? text)
        {
            w.Write(text is not null);
            if (text is not null)
            {
                w.Write(text);
            }
        }
    }

    // Each name is parsed at most once per type it is read as.
    private sealed class Reader(BinaryReader r, string[] names)
    {
        private readonly AccountNumber?[] _accounts = new AccountNumber?[names.Length];
        private readonly UnitClass?[] _classes = new UnitClass?[names.Length];
        private readonly UserId?[] _users = new UserId?[names.Length];
        private readonly CreditCode?[] _entities = new CreditCode?[names.Length];

        public RegistryLedgerState State() => new(
            OptionalText(), OptionalAccount(), OptionalAccount(), OptionalAccount(),
            List(OpenedAccount),
            List(Held),
            List(() => new ClassSerial(Class(), r.ReadInt64())),
            List(Event<OffsetClassDefined>),
            List(Held),
            List(Retirement),
            List(Issuance),
            r.ReadInt64(),
            List(Proposal),
            List(r.ReadInt64),
            List(Event),
            Time(),
            List(Event<UnitsSurrendered>));

        private Account OpenedAccount() =>
            new(Account(), Enum<AccountKind>(), Enum<AccountState>(), r.ReadString(), List(User), Time());

        private OffsetIssuance Issuance() =>
            new(r.ReadInt64(), Time(), Class(), Account(), Blocks(), r.ReadInt64(), Blocks(), r.ReadInt64(), r.ReadString());

        private T Event<T>()
            where T : RegistryEvent =>
            Event() as T ?? throw new InvalidDataException($"an event that is not {typeof(T).Name}");

        private HeldBlocks Held() => new(Account(), Class(), Blocks());

        private Retirement Retirement() =>
            new(r.ReadInt64(), Time(), Account(), Class(), Blocks(), r.ReadInt64(), r.ReadString(), r.ReadString());

        private TransferProposal Proposal()
        {
            var id = ProposalId.From(r.ReadInt64());
            var from = Account();
            var to = Account();
            var unitClass = Class();
            var quantity = r.ReadInt64();
            var proposedBy = User();
            var proposedAt = Time();
            var expiresAt = Time();
            var state = Enum<ProposalState>();
            var decidedBy = OptionalUser();
            DateTimeOffset? decidedAt = r.ReadBoolean() ? Time() : null;
            return new TransferProposal(id, from, to, unitClass, quantity, proposedBy, proposedAt, expiresAt, state, decidedBy,
                decidedAt, Blocks());
        }

        private RegistryEvent Event()
        {
            var tag = r.ReadByte();
            if (tag == JsonEvent)
            {
                return RegistryEventJson.Deserialize(r.ReadString());
            }
            var at = Time();
            var actor = User();
            var key = OptionalText() is { } k ? IdempotencyKey.From(k) : (IdempotencyKey?)null;
            return tag switch
            {
                ProposedEvent => new TransferProposed(at, actor, key, ProposalId.From(r.ReadInt64()), Account(), Account(), Class(),
                    AllowanceCount.From(r.ReadInt64()), Time()),
                TransferredEvent => new UnitsTransferred(at, actor, key, ProposalId.From(r.ReadInt64()), Account(), Account(),
                    Class(), Blocks()),
                SurrenderedEvent => new UnitsSurrendered(at, actor, key, Account(), Account(), Class(), r.ReadInt32(), Blocks()),
                SurrenderedForEvent => new UnitsSurrendered(at, actor, key, Account(), Account(), Class(), r.ReadInt32(), Blocks(), Entity()),
                ClearedEvent => new UnitsCleared(at, actor, key, Account(), Account(), Class(), Blocks(), r.ReadString(), OptionalText()),
                DefinedEvent => new OffsetClassDefined(at, actor, key, Class(), r.ReadString(), Enum<ProjectCategory>(),
                    r.ReadString(), r.ReadBoolean()),
                _ => throw new InvalidDataException($"an event of unknown kind {tag}"),
            };
        }

        private SerialBlock[] Blocks()
        {
            var blocks = new SerialBlock[Count(r)];
            for (var i = 0; i < blocks.Length; i++)
            {
                blocks[i] = SerialBlock.Create(r.ReadInt64(), r.ReadInt64());
            }
            return blocks;
        }

        private List<T> List<T>(Func<T> read)
        {
            var items = new List<T>(Count(r));
            for (var i = items.Capacity; i > 0; i--)
            {
                items.Add(read());
            }
            return items;
        }

        private T Enum<T>()
            where T : struct, Enum
        {
            var value = r.ReadByte();
            var e = (T)System.Enum.ToObject(typeof(T), value);
            return System.Enum.IsDefined(e) ? e : throw new InvalidDataException($"{value} is not a {typeof(T).Name}");
        }

        private DateTimeOffset Time()
        {
            var ticks = r.ReadInt64();
            var offset = TimeSpan.FromMinutes(r.ReadInt16());
            return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(offset);
        }

        private string? OptionalText() => r.ReadBoolean() ? r.ReadString() : null;

        private AccountNumber Account() => OptionalAccount() ?? throw new InvalidDataException("an account number is missing");

        private AccountNumber? OptionalAccount() => Cached(_accounts, AccountNumber.From);

        private UnitClass Class() => Cached(_classes, UnitClass.Parse) ?? throw new InvalidDataException("a unit class is missing");

        private UserId User() => OptionalUser() ?? throw new InvalidDataException("a user id is missing");

        private UserId? OptionalUser() => Cached(_users, UserId.From);

        private CreditCode Entity() => Cached(_entities, EntityOf) ?? throw new InvalidDataException("a credit code is missing");

        private static CreditCode EntityOf(string text) =>
            CreditCode.Parse(text) is { Success: true } parsed ? parsed.Code : throw new InvalidDataException($"'{text}' is not a credit code");

        private T? Cached<T>(T?[] cache, Func<string, T> parse)
            where T : struct
        {
            var index = r.Read7BitEncodedInt();
            if (index == -1)
            {
                return null;
            }
            if (index < 0 || index >= names.Length)
            {
                throw new InvalidDataException($"name {index} is not in the snapshot's table");
            }
            return cache[index] ??= parse(names[index]);
        }
    }
}
