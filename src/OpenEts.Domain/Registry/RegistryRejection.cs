namespace OpenEts.Domain.Registry;

/// <summary>Why the registry refused a request. A refused request changes nothing.</summary>
public enum RegistryRejection
{
    /// <summary>The registry has not been initialised (no issuance account yet).</summary>
    NotInitialised = 1,

    /// <summary>The registry was already initialised.</summary>
    AlreadyInitialised,

    /// <summary>The same idempotency key was used before for a different request.</summary>
    IdempotencyKeyReused,

    /// <summary>No account has that number.</summary>
    UnknownAccount,

    /// <summary>An account with that number already exists.</summary>
    AccountExists,

    /// <summary>The unit class is invalid, or no unit of it was ever issued.</summary>
    UnknownUnitClass,

    /// <summary>The quantity is zero, negative or would overflow the serial range.</summary>
    InvalidQuantity,

    /// <summary>The account holds fewer units of the class than asked for, or not the named serials.</summary>
    InsufficientHoldings,

    /// <summary>The account is blocked and the operation would take units out of it.</summary>
    AccountBlocked,

    /// <summary>The account is closed.</summary>
    AccountClosed,

    /// <summary>The operation does not apply to this kind of account (e.g. a transfer into the surrender account).</summary>
    AccountKindNotAllowed,

    /// <summary>Source and destination are the same account.</summary>
    SameAccount,

    /// <summary>The acting user is not an authorised representative of the account.</summary>
    NotRepresentative,

    /// <summary>The acting user is not one of the regulator's officers.</summary>
    NotRegulator,

    /// <summary>The proposer tried to approve their own proposal.</summary>
    OwnApproval,

    /// <summary>No proposal has that number.</summary>
    UnknownProposal,

    /// <summary>The proposal was already approved and executed (a second approval).</summary>
    ProposalAlreadyExecuted,

    /// <summary>The proposal was rejected.</summary>
    ProposalRejected,

    /// <summary>The proposal has expired.</summary>
    ProposalExpired,

    /// <summary>The expiry is not after now, or is more than <see cref="RegistryLedger.MaxProposalLifetime"/> after it.</summary>
    InvalidExpiry,

    /// <summary>A required written reason is blank.</summary>
    ReasonRequired,

    /// <summary>Fewer than two distinct representatives, or removing one would leave fewer than two.</summary>
    TooFewRepresentatives,

    /// <summary>The user already is a representative of the account.</summary>
    AlreadyRepresentative,

    /// <summary>The account is not in a state this change starts from (e.g. unblocking an open account).</summary>
    InvalidAccountState,

    /// <summary>The account still holds units, so it cannot be closed.</summary>
    HoldingsNotEmpty,

    /// <summary>The compliance year is outside 2000–2099.</summary>
    InvalidComplianceYear,

    /// <summary>An allowance's vintage is later than the compliance year it would be surrendered for.</summary>
    VintageAfterComplianceYear,

    /// <summary>A name or other text field is blank or too long.</summary>
    InvalidText,

    /// <summary>The class is not a fine-grained offset class (programme + project + vintage) where one is needed.</summary>
    NotAnOffsetClass,

    /// <summary>The offset class has no definition (<see cref="OffsetClassDefined"/>) yet, so none of it can be issued.</summary>
    OffsetClassNotDefined,

    /// <summary>The offset class is already defined with different attributes.</summary>
    OffsetClassAlreadyDefined,

    /// <summary>The buffer share is not less than the verified quantity, or names no usable buffer account.</summary>
    InvalidBuffer,

    /// <summary>The serials were retired: a retired unit never moves again.</summary>
    UnitsRetired,

    /// <summary>A compliance rule of the year's plan refused the surrender (the compliance module names the rule).</summary>
    NotEligibleForCompliance,
}
