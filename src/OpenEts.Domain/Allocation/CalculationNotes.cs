namespace OpenEts.Domain.Allocation;

/// <summary>
/// The remarks <see cref="AllocationCalculator"/> makes while it computes: each as an English sentence and as a
/// <see cref="CalculationNote"/> (code and figures), in the same order.
/// </summary>
internal sealed class CalculationNotes
{
    private readonly List<string> _texts = [];
    private readonly List<CalculationNote> _codes = [];

    /// <summary>The remarks in English.</summary>
    public IReadOnlyList<string> Texts => _texts;

    /// <summary>The same remarks as codes and figures.</summary>
    public IReadOnlyList<CalculationNote> Codes => _codes;

    /// <summary>Adds a remark: its English sentence, its code and its figures.</summary>
    public void Add(string text, string code, params string[] figures)
    {
        _texts.Add(text);
        _codes.Add(new CalculationNote(code, figures));
    }
}
