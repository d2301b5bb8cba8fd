using System.Globalization;
using System.Runtime.CompilerServices;

namespace OpenEts.Domain.Registry;

/// <summary>
/// The text of a failed check in <see cref="RegistryLedger"/>, formatted only when the check fails: every event a replay
/// applies passes several checks, and each would otherwise format its message first (as <c>Debug.Assert</c>'s handler).
/// </summary>
[InterpolatedStringHandler]
internal ref struct RequireMessage
{
    private DefaultInterpolatedStringHandler _text;

    public RequireMessage(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        shouldAppend = !condition;
        _text = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public override string ToString() => _text.ToStringAndClear();
}
