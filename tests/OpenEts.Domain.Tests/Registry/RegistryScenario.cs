using System.Globalization;
using System.Text;
using OpenEts.Domain.Registry;
using Xunit;

namespace OpenEts.Domain.Tests.Registry;

/// <summary>A Guangdong-style registry with two companies, an investor and the exchange's clearing account.</summary>
internal sealed class RegistryScenario
{
    public static readonly DateTimeOffset T0 = new(2018, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly UserId Reg1 = UserId.From("reg.li");
    public static readonly UserId Reg2 = UserId.From("reg.wang");
    public static readonly UserId A1 = UserId.From("a.chen");
    public static readonly UserId A2 = UserId.From("a.zhao");
    public static readonly UserId B1 = UserId.From("b.liu");
    public static readonly UserId B2 = UserId.From("b.huang");
    public static readonly UserId I1 = UserId.From("i.sun");
    public static readonly UserId I2 = UserId.From("i.zhou");
    public static readonly UserId X1 = UserId.From("x.clear");
    public static readonly UserId X2 = UserId.From("x.settle");
    public static readonly UserId Outsider = UserId.From("nobody");

    public static readonly AccountNumber Issuance = AccountNumber.From("GD-ISSUE");
    public static readonly AccountNumber Surrender = AccountNumber.From("GD-SURRENDER");
    public static readonly AccountNumber Cancellation = AccountNumber.From("GD-CANCEL");
    public static readonly AccountNumber CompanyA = AccountNumber.From("GD-HOLD-0001");
    public static readonly AccountNumber CompanyB = AccountNumber.From("GD-HOLD-0002");
    public static readonly AccountNumber Investor = AccountNumber.From("GD-INV-0001");
    public static readonly AccountNumber Clearing = AccountNumber.From("GD-CLEAR");
    public static readonly AccountNumber Unknown = AccountNumber.From("GD-NOPE");
    public static readonly AccountNumber BufferPool = AccountNumber.From("GD-BUFFER");

    public static readonly UnitClass Gdea2017 = UnitClass.Allowance("GD", 2017);
    public static readonly UnitClass Gdea2018 = UnitClass.Allowance("GD", 2018);
    public static readonly UnitClass Cea2021 = UnitClass.Allowance("CN", 2021);
    public static readonly UnitClass CcerHydro = UnitClass.Offset(UnitType.Ccer, "001234", 2019);
    public static readonly UnitClass FfcerForest = UnitClass.Offset(UnitType.Ffcer, "FJ0001", 2016);

    private int _key;

    public RegistryLedger Ledger { get; } = new();

    public List<RegistryEvent> Events { get; } = [];

    public DateTimeOffset Now { get; set; } = T0;

    public IdempotencyKey NextKey() => IdempotencyKey.From(string.Create(CultureInfo.InvariantCulture, $"req-{++_key}"));

    /// <summary>Initialised, with company A, company B, an investor and the clearing account open.</summary>
    public static RegistryScenario Initialised()
    {
        var s = new RegistryScenario();
        s.Ok(s.Ledger.Initialise(Reg1, s.Now, s.NextKey(), "广东省生态环境厅", Issuance, Surrender, Cancellation, [Reg1, Reg2]));
        s.Ok(s.Ledger.OpenAccount(Reg1, s.Now, s.NextKey(), CompanyA, AccountKind.Holding, "Company A", [A1, A2]));
        s.Ok(s.Ledger.OpenAccount(Reg1, s.Now, s.NextKey(), CompanyB, AccountKind.Holding, "Company B", [B1, B2]));
        s.Ok(s.Ledger.OpenAccount(Reg1, s.Now, s.NextKey(), Investor, AccountKind.Investor, "Investor", [I1, I2]));
        s.Ok(s.Ledger.OpenAccount(Reg1, s.Now, s.NextKey(), Clearing, AccountKind.Clearing, "Exchange", [X1, X2]));
        return s;
    }

    /// <summary>
    /// Initialised, with a buffer account, <see cref="CcerHydro"/> (a Sichuan hydropower project) and
    /// <see cref="FfcerForest"/> (a Fujian forestry project) defined, nothing issued.
    /// </summary>
    public static RegistryScenario WithOffsetClasses()
    {
        var s = Initialised();
        s.Ok(s.Ledger.OpenAccount(Reg1, s.Now, s.NextKey(), BufferPool, AccountKind.Buffer, "Buffer pool", [Reg1, Reg2]));
        s.Ok(s.Ledger.DefineOffsetClass(Reg1, s.Now, s.NextKey(), CcerHydro, "Yalong hydropower", ProjectCategory.Hydropower, "SC", false));
        s.Ok(s.Ledger.DefineOffsetClass(Reg1, s.Now, s.NextKey(), FfcerForest, "Shunchang forestry", ProjectCategory.Forestry, "FJ", false));
        return s;
    }

    /// <summary>Initialised, with <paramref name="quantity"/> of GDEA-2017 issued and allocated to company A.</summary>
    public static RegistryScenario WithAllocation(long quantity)
    {
        var s = Initialised();
        s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, quantity));
        s.Ok(s.Ledger.Allocate(Reg1, s.Now, s.NextKey(), CompanyA, Gdea2017, quantity));
        return s;
    }

    public RegistryOutcome.Completed Ok(RegistryOutcome outcome)
    {
        var completed = Assert.IsType<RegistryOutcome.Completed>(outcome);
        if (!completed.Duplicate)
        {
            Events.Add(completed.Event);
        }
        return completed;
    }

    /// <summary>Runs a request that must be refused, and checks that it changed nothing.</summary>
    public RegistryOutcome.Rejected Rejects(RegistryRejection reason, Func<RegistryLedger, RegistryOutcome> request)
    {
        var before = Snapshot(Ledger);
        var rejected = Assert.IsType<RegistryOutcome.Rejected>(request(Ledger));
        Assert.Equal(reason, rejected.Reason);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Field));
        Assert.False(string.IsNullOrWhiteSpace(rejected.Message));
        Assert.Equal(before, Snapshot(Ledger));
        return rejected;
    }

    public string Blocks(AccountNumber account, UnitClass unitClass) =>
        string.Join(",", Ledger.HoldingsOf(account).Where(h => h.Class == unitClass).SelectMany(h => h.Blocks));

    /// <summary>Everything observable about a registry, as text, for before/after and live/replayed comparisons.</summary>
    public static string Snapshot(RegistryLedger ledger) => ledger.Fingerprint();
}
