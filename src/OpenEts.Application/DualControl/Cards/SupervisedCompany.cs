namespace OpenEts.Application.DualControl.Cards;

/// <summary>A company under 挂牌督办 in a quarter: serious exceedance in the rules' number of consecutive quarters up to it.</summary>
public sealed record SupervisedCompany(string OrganisationCode, string OrganisationName);
