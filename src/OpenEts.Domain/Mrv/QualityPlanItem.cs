namespace OpenEts.Domain.Mrv;

/// <summary>
/// One item of a power facility's data-quality-control plan (数据质量控制计划): what is monitored, and what the plan
/// must state for it.
/// </summary>
/// <param name="Code">A stable code ("oxidation-rate").</param>
/// <param name="NameZh">The item in Chinese.</param>
/// <param name="NameEn">The item in English.</param>
/// <param name="Requirement">What the plan states for it, with the source, [UNCONFIRMED] where the reference lacks it.</param>
/// <param name="Confirmed">False when the requirement is not from a retrieved source.</param>
public sealed record QualityPlanItem(string Code, string NameZh, string NameEn, string Requirement, bool Confirmed);
