namespace OpenEts.Domain.Compliance;

/// <summary>A unit refused for compliance: the rule and an English sentence naming the values.</summary>
public sealed record ComplianceRefusal(ComplianceRule Rule, string Message);
