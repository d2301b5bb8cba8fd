namespace OpenEts.Matching;

/// <summary>The inputs a book accepts. Every input gets exactly one <see cref="Outcome"/>.</summary>
public enum CommandKind
{
    New = 0,
    Cancel = 1,
    Amend = 2,
    Halt = 3,
    Resume = 4,
    OpenAuction = 5,
    Uncross = 6,
}
