namespace OpenEts.Application.Registry;

/// <summary>A change the regulator makes to an account's state.</summary>
public enum AccountStateChange
{
    /// <summary>Freeze an open account: nothing can be sent out of it; surrender still works.</summary>
    Block = 1,

    /// <summary>Lift a block.</summary>
    Unblock,

    /// <summary>Close an open or blocked account that holds nothing.</summary>
    Close,
}
