namespace OpenEts.Domain.Mrv;

public static partial class MrvCalculator
{
    private const string CementGuideline = "中国水泥生产企业温室气体排放核算方法与报告指南 (formula not retrieved)";

    private static readonly Figure CaOConversion = new("CO2/CaO", CaOToCo2, MeasureUnit.Fraction,
        new Provenance.Default(CementGuideline, "clinker calcination, CaO/MgO route (reference/mrv.md §3.2)", "44/56", 2013, Confirmed: false));

    private static readonly Figure MgOConversion = new("CO2/MgO", MgOToCo2, MeasureUnit.Fraction,
        new Provenance.Default(CementGuideline, "clinker calcination, CaO/MgO route (reference/mrv.md §3.2)", "44/40", 2013, Confirmed: false));

    private static readonly Figure AssumedPure = new("purity", 1m, MeasureUnit.Fraction,
        new Provenance.Default("platform assumption", "carbonate purity when not measured", "pure carbonate", 2013, Confirmed: false));

    // Clinker, CaO/MgO route [formula UNCONFIRMED]: EF_cl = CaO × 44/56 + MgO × 44/40; E = Q_cl × EF_cl. The oxide
    // contents have no default: the company measures them.
    private static Figure? ClinkerOxides(ReportLine line, List<MrvIssue> issues)
    {
        if (!UnitIs(line, MeasureUnit.Tonne, "clinker", issues))
        {
            return null;
        }
        var cao = Measured(line, ParameterKind.CaOContent, "CaO content", MeasureUnit.Fraction);
        var mgo = Measured(line, ParameterKind.MgOContent, "MgO content", MeasureUnit.Fraction);
        if (cao is null || mgo is null)
        {
            issues.Add(Error(line, ParameterKinds.Code(cao is null ? ParameterKind.CaOContent : ParameterKind.MgOContent), "MissingMeasurement",
                $"line {line.Id}: the CaO/MgO route needs the measured CaO and MgO content of the clinker"));
            return null;
        }
        var clinker = Reported(line, "clinker");
        var fromCaO = new Figure("CaO emission factor", cao.Value * CaOConversion.Value, MeasureUnit.TonneCo2PerTonne,
            new Provenance.Computed("EF_CaO = CaO × 44/56", [cao, CaOConversion]));
        var fromMgO = new Figure("MgO emission factor", mgo.Value * MgOConversion.Value, MeasureUnit.TonneCo2PerTonne,
            new Provenance.Computed("EF_MgO = MgO × 44/40", [mgo, MgOConversion]));
        var factor = new Figure("clinker emission factor", fromCaO.Value + fromMgO.Value, MeasureUnit.TonneCo2PerTonne,
            new Provenance.Computed("EF_cl = EF_CaO + EF_MgO", [fromCaO, fromMgO]));
        return new Figure("emissions", clinker.Value * factor.Value, MeasureUnit.TonneCo2,
            new Provenance.Computed("E = Q_cl × EF_cl", [clinker, factor]));
    }

    // Clinker, clinker-factor route [formula UNCONFIRMED]: E = Q_cl × EF_cl, with the company's measured factor.
    private static Figure? ClinkerFactor(ReportLine line, List<MrvIssue> issues)
    {
        if (!UnitIs(line, MeasureUnit.Tonne, "clinker", issues))
        {
            return null;
        }
        var factor = Measured(line, ParameterKind.EmissionFactor, "clinker emission factor", MeasureUnit.TonneCo2PerTonne);
        if (factor is null)
        {
            issues.Add(Error(line, ParameterKinds.Code(ParameterKind.EmissionFactor), "MissingMeasurement",
                $"line {line.Id}: the clinker-factor route needs the measured clinker emission factor (tCO2/t)"));
            return null;
        }
        var clinker = Reported(line, "clinker");
        return new Figure("emissions", clinker.Value * factor.Value, MeasureUnit.TonneCo2,
            new Provenance.Computed("E = Q_cl × EF_cl", [clinker, factor]));
    }

    // Calcination, carbonate use and desulfurisation [formula UNCONFIRMED]: E = Q × purity × EF_carbonate, with the
    // commonly used factors limestone 0.440 and dolomite 0.477 tCO2/t [UNCONFIRMED]; purity 1 unless measured.
    private static Figure? Carbonate(ReportLine line, FactorLibrary library, List<MrvIssue> issues)
    {
        var carbonate = library.Carbonate(line.Material);
        if (carbonate is null)
        {
            issues.Add(UnknownMaterial(line, library));
            return null;
        }
        if (!UnitIs(line, MeasureUnit.Tonne, carbonate.NameEn, issues))
        {
            return null;
        }
        var amount = Reported(line, "carbonate");
        var purity = Override(line, ParameterKind.MassFraction, AssumedPure);
        var factor = Override(line, ParameterKind.EmissionFactor, carbonate.Factor);
        var pure = new Figure("pure carbonate", amount.Value * purity.Value, MeasureUnit.Tonne,
            new Provenance.Computed("AD = Q × purity", [amount, purity]));
        return new Figure("emissions", pure.Value * factor.Value, MeasureUnit.TonneCo2,
            new Provenance.Computed("E = AD × EF", [pure, factor]));
    }
}
