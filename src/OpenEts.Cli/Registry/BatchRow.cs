using OpenEts.Domain.Registry;

namespace OpenEts.Cli.Registry;

/// <summary>One valid row of an issuance or allocation sheet: its 1-based row number, what to do, and its idempotency key.</summary>
/// <param name="Account">The destination (allocation), or null for an issuance.</param>
internal sealed record BatchRow(int Row, AccountNumber? Account, UnitClass Class, long Quantity, IdempotencyKey Key);
