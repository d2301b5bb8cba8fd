namespace OpenEts.Domain.Cash;

/// <summary>A cash account (资金账户) as it stands: its balance and how much of it reservations hold. Immutable.</summary>
/// <param name="Id">Its id, unique on the platform.</param>
/// <param name="Kind">What it is for.</param>
/// <param name="OrganisationId">The member organisation holding it (<see cref="CashAccountKind.Member"/> only), else null.</param>
/// <param name="Balance">
/// Money on the account in yuan, exact to the fen: ≥ 0, except the <see cref="CashAccountKind.ExternalBank"/> account,
/// which is ≤ 0.
/// </param>
/// <param name="Reserved">How much of the balance held reservations hold (bids, orders): 0 ≤ reserved ≤ balance.</param>
public sealed record CashAccount(long Id, CashAccountKind Kind, long? OrganisationId, decimal Balance, decimal Reserved)
{
    /// <summary>What can be moved or reserved now: the balance less what is reserved (unbounded for the bank).</summary>
    public decimal Available => Balance - Reserved;

    /// <summary>True when the account may be debited by <paramref name="amount"/> of its unreserved money.</summary>
    public bool CanPay(Yuan amount) => Kind == CashAccountKind.ExternalBank || Available >= amount.Value;

    /// <summary>Takes <paramref name="amount"/> off the balance; throws when that would break the no-overdraft rule.</summary>
    public CashAccount Debit(Yuan amount) => Checked(this with { Balance = Balance - amount.Value });

    /// <summary>Adds <paramref name="amount"/> to the balance; throws when that would break a rule (the bank above zero).</summary>
    public CashAccount Credit(Yuan amount) => Checked(this with { Balance = Balance + amount.Value });

    /// <summary>Holds <paramref name="amount"/> of the available money.</summary>
    public CashAccount Hold(Yuan amount) => Checked(this with { Reserved = Reserved + amount.Value });

    /// <summary>Frees <paramref name="amount"/> of what is held.</summary>
    public CashAccount Free(Yuan amount) => Checked(this with { Reserved = Reserved - amount.Value });

    /// <summary>Throws <see cref="InvalidOperationException"/> when the account breaks its kind's rules: a bug, never a business refusal.</summary>
    public static CashAccount Checked(CashAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var ok = account.Kind == CashAccountKind.ExternalBank
            ? account.Balance <= 0m && account.Reserved == 0m
            : account.Balance >= 0m && account.Reserved >= 0m && account.Reserved <= account.Balance;
        return ok && decimal.Round(account.Balance, 2) == account.Balance && decimal.Round(account.Reserved, 2) == account.Reserved
            ? account
            : throw new InvalidOperationException(
                $"cash account {account.Id} ({account.Kind}) would hold balance {account.Balance} with {account.Reserved} reserved");
    }
}
