namespace OpenEts.Domain.DualControl.Targets;

/// <summary>One thing wrong with a plan: a language-neutral rule code, the unit it concerns (or the plan's region) and a sentence.</summary>
public sealed record PlanProblem(string Rule, string Unit, string Message);
