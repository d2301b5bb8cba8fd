using System.Diagnostics.CodeAnalysis;

namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// The code of a unit under dual control (a region or a key energy user), e.g. <c>NX</c>, <c>NX-YC</c>, <c>KU-NX-0001</c>:
/// 1–40 characters of A–Z, 0–9 and '-', upper-cased on reading.
/// </summary>
/// <remarks><c>default</c> holds no code and is not a valid unit.</remarks>
public readonly record struct UnitCode
{
    private UnitCode(string value) => Value = value;

    /// <summary>The code.</summary>
    public string Value { get; }

    /// <summary>Reads user input.</summary>
    public static bool TryCreate(string? text, out UnitCode code, [NotNullWhen(false)] out string? reason)
    {
        code = default;
        var t = text?.Trim().ToUpperInvariant() ?? "";
        if (t.Length is 0 or > 40 || !t.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-'))
        {
            reason = "a unit code is 1–40 characters of A–Z, 0–9 and '-'";
            return false;
        }
        code = new UnitCode(t);
        reason = null;
        return true;
    }

    /// <summary>Wraps trusted data; throws on a bad code.</summary>
    public static UnitCode From(string text) =>
        TryCreate(text, out var code, out var reason) ? code : throw new ArgumentException(reason, nameof(text));

    public override string ToString() => Value ?? "";
}
