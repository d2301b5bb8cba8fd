namespace OpenEts.Domain.Registry;

/// <summary>One offset issuance (<see cref="OffsetsIssued"/>) as the public issuance list shows it.</summary>
/// <param name="Number">Its place in the list: 1 for the first offset issuance, 2 for the next, …</param>
/// <param name="At">When the units were issued.</param>
/// <param name="Class">The fine-grained offset class.</param>
/// <param name="Owner">The project owner's account.</param>
/// <param name="OwnerBlocks">The serials credited to the owner.</param>
/// <param name="OwnerQuantity">Units credited to the owner (tonnes).</param>
/// <param name="BufferBlocks">The serials withheld to the buffer account; empty for none.</param>
/// <param name="BufferQuantity">Units withheld (tonnes); 0 for none.</param>
/// <param name="Reference">What the issuance is for (e.g. a monitoring report's id); may be empty.</param>
public sealed record OffsetIssuance(
    long Number, DateTimeOffset At, UnitClass Class, AccountNumber Owner, IReadOnlyList<SerialBlock> OwnerBlocks,
    long OwnerQuantity, IReadOnlyList<SerialBlock> BufferBlocks, long BufferQuantity, string Reference)
{
    /// <summary>Units issued in all: <see cref="OwnerQuantity"/> + <see cref="BufferQuantity"/>.</summary>
    public long Issued => checked(OwnerQuantity + BufferQuantity);
}
