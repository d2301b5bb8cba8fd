namespace OpenEts.Domain.Inclusion;

/// <summary>Why a programme's data is not usable: where (a JSON path such as <c>$.caps[1].maxCoins</c>), which rule, and a message.</summary>
public sealed record ProgrammeProblem(string Path, string Rule, string Message)
{
    public override string ToString() => $"{Path}: {Message} ({Rule})";
}
