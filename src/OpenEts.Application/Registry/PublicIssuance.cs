using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>An offset issuance as everyone may see it: the project owner's name, no account number.</summary>
/// <param name="Number">Its place in the list, from 1 (oldest).</param>
/// <param name="At">When the units were issued.</param>
/// <param name="Class">The offset class.</param>
/// <param name="OwnerName">The holder name of the project owner's account.</param>
/// <param name="OwnerSerials">The displayed serials credited to the owner.</param>
/// <param name="OwnerQuantity">Units credited to the owner (tonnes).</param>
/// <param name="BufferSerials">The displayed serials withheld to the buffer; empty for none.</param>
/// <param name="BufferQuantity">Units withheld to the buffer (tonnes).</param>
/// <param name="Reference">What the issuance is for (e.g. a monitoring report); may be empty.</param>
/// <param name="Attributes">The class's attributes.</param>
public sealed record PublicIssuance(
    long Number, DateTimeOffset At, UnitClass Class, string OwnerName, string OwnerSerials, long OwnerQuantity,
    string BufferSerials, long BufferQuantity, string Reference, UnitAttributes Attributes);
