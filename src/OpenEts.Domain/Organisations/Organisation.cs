namespace OpenEts.Domain.Organisations;

/// <summary>An organisation of the market: a covered company, the regulator, a verifier, the exchange, an auditor.</summary>
/// <param name="Id">Storage id, 0 before it is saved.</param>
/// <param name="Code">统一社会信用代码.</param>
/// <param name="Name">Registered name, 1–100 characters.</param>
/// <param name="Kind">What it is in the market.</param>
/// <param name="Sector">Covered sector, <see cref="Sector.Other"/> for non-emitters.</param>
/// <param name="Region">City or district, e.g. 广州市, 1–50 characters.</param>
/// <param name="Status">Coverage status.</param>
/// <param name="Jurisdiction">
/// The carbon market it is covered by (<c>GD</c>, <c>CN</c>, …); null for none (the regulator, verifiers, the exchange,
/// or a company covered by no market). Compliance lists and allocation runs of a market take only its entities.
/// </param>
public sealed record Organisation(
    long Id, CreditCode Code, string Name, OrganisationKind Kind, Sector Sector, string Region, CoverageStatus Status,
    MarketJurisdiction? Jurisdiction = null);
