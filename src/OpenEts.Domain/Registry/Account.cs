namespace OpenEts.Domain.Registry;

/// <summary>A registry account (登记账户) as it stands now. Immutable: each change replaces it.</summary>
/// <param name="Number">Its number, unique in the registry.</param>
/// <param name="Kind">What it is for.</param>
/// <param name="State">Open, blocked or closed.</param>
/// <param name="HolderName">The company, investor, exchange or regulator holding it.</param>
/// <param name="Representatives">Its authorised representatives (授权代表), sorted; two or more.</param>
/// <param name="OpenedAt">When it was opened.</param>
public sealed record Account(
    AccountNumber Number,
    AccountKind Kind,
    AccountState State,
    string HolderName,
    IReadOnlyList<UserId> Representatives,
    DateTimeOffset OpenedAt)
{
    /// <summary>True when <paramref name="user"/> is an authorised representative.</summary>
    public bool IsRepresentative(UserId user) =>
        user.Value is not null && Representatives.Contains(user);

    /// <summary>True for the issuance, surrender and cancellation accounts, which the regulator runs.</summary>
    public bool IsSystemAccount => Kind is AccountKind.Issuance or AccountKind.Surrender or AccountKind.Cancellation;
}
