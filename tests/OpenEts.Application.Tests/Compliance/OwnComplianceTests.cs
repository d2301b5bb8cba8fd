using OpenEts.Application.Compliance;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Tests.Compliance;

// What a company's surrender form offers: only the accounts and classes of which something may be surrendered now.
public sealed class OwnComplianceTests
{
    private static readonly UnitClass Allowances = UnitClass.Allowance("GD", 2017);
    private static readonly UnitClass Hydro = UnitClass.Offset(UnitType.Ccer, "000202", 2015);

    private static OwnHolding Holding(string account, UnitClass unitClass, long held, long surrenderable) =>
        new(AccountNumber.From(account), new UnitAttributes(unitClass, unitClass.Type, null, null, null, "GD", unitClass.Vintage, null, true),
            held, surrenderable > 0 ? null : new ComplianceRefusal(ComplianceRule.ExcludedCategory, "hydropower"), surrenderable);

    private static OwnCompliance Own(params OwnHolding[] holdings) => new("GD", 2017, null!, null!, [], holdings);

    [Fact]
    public void SurrenderForm_AnAccountHoldingOnlyWhatTheRulesRefuse_IsNotOffered()
    {
        var own = Own(Holding("GD-HOLD-HYDRO", Hydro, 80_000, 0), Holding("GD-HOLD-STEEL", Allowances, 5_000, 5_000),
            Holding("GD-HOLD-STEEL", Hydro, 1_000, 0));

        Assert.Equal([AccountNumber.From("GD-HOLD-STEEL")], own.SurrenderableAccounts);
        Assert.Equal([Allowances], own.SurrenderableClasses);
    }

    [Fact]
    public void SurrenderForm_NothingSurrenderable_OffersNothing()
    {
        var own = Own(Holding("GD-HOLD-HYDRO", Hydro, 80_000, 0));

        Assert.Empty(own.SurrenderableAccounts);
        Assert.Empty(own.SurrenderableClasses);
    }
}
