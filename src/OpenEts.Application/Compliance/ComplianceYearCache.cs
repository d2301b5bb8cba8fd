using System.Runtime.CompilerServices;
using OpenEts.Application.Registry;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Compliance;

/// <summary>
/// The compliance years the registry's writer replayed, kept between surrenders so that a surrender check replays only
/// the surrenders made since the last one instead of the whole year (108–160 ms at 10 000 entities before).
/// </summary>
/// <remarks>
/// A replayed year depends on the inputs (rules, approved emissions, who acts for which entity, project facts, each
/// entity's market: <see cref="ComplianceInputs.SameAs"/>), on the year's surrenders in the ledger, and on the
/// ledger's accounts (their representatives name the entity) and unit attributes as they are now. A kept year is used
/// only while all of these are as they were: the same inputs; the ledger's surrender list still holds, at the
/// kept count, the very event replayed last (a ledger restored afresh is another object, with other events); every
/// account that surrendered is still the same object (accounts are immutable, so any change of representatives
/// replaces it); every class's attributes are equal; no correction has moved units out of or into the surrender account
/// since (<see cref="RegistryLedger.SurrenderCorrections"/>: it changes what a surrender stands for). Otherwise the year is replayed in full. Years are kept per ledger
/// object and go with it. The writer runs one request at a time; the lock guards against misuse, not contention.
/// </remarks>
public static class ComplianceYearCache
{
    private static readonly ConditionalWeakTable<RegistryLedger, Dictionary<(string Jurisdiction, int Year), Kept>> ByLedger = new();
    private static readonly Dictionary<(string Jurisdiction, int Year), ComplianceInputs> LastInputs = [];

    /// <summary>
    /// The inputs last interned for the same jurisdiction and year when they are the same as <paramref name="inputs"/>
    /// (<see cref="ComplianceInputs.SameAs"/>), else <paramref name="inputs"/>, which are kept for the next call. Run
    /// outside the registry's writer, so that the writer's own comparison is, when nothing changed, one of references.
    /// </summary>
    public static ComplianceInputs Intern(ComplianceInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var key = (inputs.Jurisdiction, inputs.Year);
        ComplianceInputs? last;
        lock (LastInputs)
        {
            last = LastInputs.GetValueOrDefault(key);
        }
        if (last is not null && last.SameAs(inputs))
        {
            return last;
        }
        lock (LastInputs)
        {
            LastInputs[key] = inputs;
        }
        return inputs;
    }

    /// <summary>
    /// The year of <paramref name="inputs"/> with every surrender now in <paramref name="ledger"/> recorded, oldest first,
    /// as <see cref="ComplianceInputs.Replay(IEnumerable{SurrenderRecord})"/> would give it. The result is kept and
    /// recorded into by later calls: read it before the ledger takes another surrender.
    /// </summary>
    public static ComplianceYear Current(RegistryLedger ledger, ComplianceInputs inputs) => CurrentWithSurrenders(ledger, inputs).Book;

    /// <summary>
    /// <see cref="Current"/>, with the surrenders recorded into it by an entity of the year, oldest first, each with the
    /// rule that kept it from counting when it was recorded (as a company's own page lists them). Both are kept and
    /// recorded into by later calls: read them before the ledger takes another surrender.
    /// </summary>
    public static (ComplianceYear Book, IReadOnlyList<RecordedSurrender> Surrenders) CurrentWithSurrenders(RegistryLedger ledger, ComplianceInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(inputs);
        var years = ByLedger.GetValue(ledger, _ => []);
        lock (years)
        {
            var surrenders = ledger.SurrendersFor(inputs.Year);
            var key = (inputs.Jurisdiction, inputs.Year);
            if (!years.TryGetValue(key, out var kept) || !kept.IsCurrent(ledger, inputs, surrenders))
            {
                kept = new Kept(inputs, inputs.Start());
                years[key] = kept;
            }
            kept.CatchUp(ledger, inputs, surrenders);
            return (kept.Book, kept.Recorded);
        }
    }

    private sealed class Kept(ComplianceInputs replayedWith, ComplianceYear book)
    {
        private readonly List<RecordedSurrender> _recorded = [];
        private readonly Dictionary<AccountNumber, Account> _accounts = [];
        private readonly Dictionary<UnitClass, UnitAttributes> _attributes = [];
        private int _count;
        private long _corrections;
        private UnitsSurrendered? _last;

        public ComplianceYear Book { get; } = book;

        public IReadOnlyList<RecordedSurrender> Recorded => _recorded;

        public bool IsCurrent(RegistryLedger ledger, ComplianceInputs inputs, IReadOnlyList<UnitsSurrendered> surrenders)
        {
            if (!replayedWith.SameAs(inputs) || surrenders.Count < _count || ledger.SurrenderCorrections != _corrections
                || (_count > 0 && !ReferenceEquals(surrenders[_count - 1], _last)))
            {
                return false;
            }
            foreach (var (number, account) in _accounts)
            {
                if (!ReferenceEquals(ledger.FindAccount(number), account))
                {
                    return false;
                }
            }
            foreach (var (unitClass, attributes) in _attributes)
            {
                if (ledger.AttributesOf(unitClass) != attributes)
                {
                    return false;
                }
            }
            return true;
        }

        public void CatchUp(RegistryLedger ledger, ComplianceInputs inputs, IReadOnlyList<UnitsSurrendered> surrenders)
        {
            for (var i = _count; i < surrenders.Count; i++)
            {
                var record = SurrenderRecord.Of(ledger, surrenders[i]);
                _accounts[record.From.Number] = record.From;
                _attributes[record.Attributes.Class] = record.Attributes;
                if (inputs.Record(record, Book) is { } counted)
                {
                    _recorded.Add(new RecordedSurrender(record, counted.Entity, counted.Refused));
                }
            }
            _count = surrenders.Count;
            _corrections = ledger.SurrenderCorrections;
            _last = _count > 0 ? surrenders[_count - 1] : null;
        }
    }
}

/// <summary>A surrender recorded into a kept year: the entity it counted for, and the rule that kept it from counting (null when it counted).</summary>
public sealed record RecordedSurrender(SurrenderRecord Surrender, CreditCode Entity, ComplianceRefusal? Refused);
