using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OpenEts.Domain.Registry;

/// <summary>A transfer proposal's number, given by the registry in order: 1, 2, 3, …</summary>
/// <remarks>At least 1. <c>default</c> (0) names no proposal.</remarks>
public readonly record struct ProposalId : IComparable<ProposalId>
{
    private ProposalId(long value) => Value = value;

    /// <summary>The number, at least 1.</summary>
    public long Value { get; }

    /// <summary>Wraps user input as a proposal number, or says why it is not one (below 1).</summary>
    public static bool TryCreate(long value, out ProposalId id, [NotNullWhen(false)] out string? reason)
    {
        id = default;
        reason = value < 1 ? $"a proposal number is a whole number ≥ 1 (was {value})" : null;
        if (reason is not null)
        {
            return false;
        }
        id = new ProposalId(value);
        return true;
    }

    /// <summary>Wraps a proposal number; throws when it is below 1.</summary>
    public static ProposalId From(long value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        return new ProposalId(value);
    }

    public int CompareTo(ProposalId other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    public static bool operator <(ProposalId left, ProposalId right) => left.CompareTo(right) < 0;

    public static bool operator <=(ProposalId left, ProposalId right) => left.CompareTo(right) <= 0;

    public static bool operator >(ProposalId left, ProposalId right) => left.CompareTo(right) > 0;

    public static bool operator >=(ProposalId left, ProposalId right) => left.CompareTo(right) >= 0;
}
