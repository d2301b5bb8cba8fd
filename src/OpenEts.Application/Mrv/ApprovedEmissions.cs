using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;

namespace OpenEts.Application.Mrv;

/// <summary>
/// A company's approved emissions for a year (审定排放量): what allocation's true-up and compliance read. The total is
/// exact to 1 kg; the outputs are those approved with it; <paramref name="FactorVersion"/> names the factor library.
/// </summary>
public sealed record ApprovedEmissions(CreditCode Organisation, int Year, Tonnes Approved, IReadOnlyList<ProductionOutput> Outputs,
    string FactorVersion, DateTimeOffset ApprovedAt);
