namespace OpenEts.Application.Registry;

/// <summary>One valid row of an issuance or allocation sheet: its 1-based row number and its request (with its key).</summary>
/// <param name="Command">An <see cref="IssueUnits"/> or an <see cref="AllocateUnits"/>.</param>
public sealed record BatchRow(int Row, IRegistryCommand Command);
