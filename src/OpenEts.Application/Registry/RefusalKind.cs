namespace OpenEts.Application.Registry;

/// <summary>What kind of refusal a <see cref="RegistryCommandOutcome.Refused"/> is, for the edges' status codes.</summary>
public enum RefusalKind
{
    /// <summary>A field's value breaks a rule of its own (a quantity below 1, a blank reason): HTTP 400.</summary>
    Malformed = 1,

    /// <summary>The actor may not do this to this account (not its representative, not the regulator): HTTP 403.</summary>
    Forbidden,

    /// <summary>The registry's state refuses it (not enough units, a closed account, a reused key): HTTP 409.</summary>
    Conflict,
}
