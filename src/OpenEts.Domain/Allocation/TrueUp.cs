using OpenEts.Domain.Quantities;

namespace OpenEts.Domain.Allocation;

/// <summary>
/// The true-up (多退少补) of one entity: the free allowances of the final allocation minus those pre-allocated. A
/// positive difference is issued, a negative one withdrawn; pre-allocated + difference = final, always.
/// </summary>
/// <param name="Code">The entity's credit code.</param>
/// <param name="Pre">Free allowances pre-allocated.</param>
/// <param name="Final">Free allowances of the final allocation.</param>
public sealed record TrueUp(string Code, AllowanceCount Pre, AllowanceCount Final)
{
    /// <summary>Final − pre: positive to issue, negative to withdraw, zero for nothing.</summary>
    public long Difference => checked(Final.Value - Pre.Value);

    /// <summary>The allowances to issue (0 when none).</summary>
    public AllowanceCount ToIssue => Difference > 0 ? AllowanceCount.From(Difference) : AllowanceCount.Zero;

    /// <summary>The allowances to withdraw (0 when none).</summary>
    public AllowanceCount ToWithdraw => Difference < 0 ? AllowanceCount.From(-Difference) : AllowanceCount.Zero;

    /// <summary>The true-up between a pre-allocation and a final allocation of the same entity.</summary>
    public static TrueUp Between(EntityAllocation pre, EntityAllocation final)
    {
        ArgumentNullException.ThrowIfNull(pre);
        ArgumentNullException.ThrowIfNull(final);
        if (pre.Code != final.Code)
        {
            throw new ArgumentException($"pre-allocation of {pre.Code} and final allocation of {final.Code} are of different entities");
        }
        return new TrueUp(pre.Code, pre.Free, final.Free);
    }
}
