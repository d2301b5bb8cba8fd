namespace OpenEts.Domain.Inclusion;

/// <summary>Why a merchant may not confirm a redemption code.</summary>
public enum VoucherRejection
{
    /// <summary>No redemption has this code (or the citizen's data, and with it the code, was erased).</summary>
    UnknownCode = 0,

    /// <summary>The code was confirmed already: a code is taken once.</summary>
    CodeUsed,

    /// <summary>This merchant does not honour the item, or the redemption is in another programme.</summary>
    NotAccepted,
}
