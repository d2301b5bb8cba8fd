using OpenEts.Domain.Allocation;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.Allocation;

/// <summary>A run that moves units (pre-allocation or true-up) of a jurisdiction's year; <see cref="AllocationRunHandler"/> runs it.</summary>
public interface IAllocationRun
{
    /// <summary>The roles that may ask for this.</summary>
    IReadOnlyList<Role> Roles { get; }

    /// <summary>Which allocation it stores.</summary>
    AllocationStage Stage { get; }

    /// <summary>The jurisdiction (<c>guangdong</c>, <c>national</c>).</summary>
    string Jurisdiction { get; }

    /// <summary>The allocation year.</summary>
    int Year { get; }
}
