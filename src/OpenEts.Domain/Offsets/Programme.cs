using OpenEts.Domain.Identity;
using OpenEts.Domain.Registry;

namespace OpenEts.Domain.Offsets;

/// <summary>
/// An offset programme as data: who reviews each step (as platform roles), which methodologies it accepts, and how it
/// numbers its projects (the project code in the registry's class <c>PROGRAMME-PROJECT-VINTAGE</c>).
/// </summary>
/// <param name="Type">The registry's unit type of its credits (CCER, FFCER, PHCER).</param>
/// <param name="Name">Its Chinese name.</param>
/// <param name="Reviewer">The body that reviews (validates) projects, as the programme's rules name it.</param>
/// <param name="Approver">The body that registers projects and approves issuance.</param>
/// <param name="Recorder">The body that keeps the record of the credits.</param>
/// <param name="Validator">The platform role that validates projects and verifies monitoring reports.</param>
/// <param name="Registrar">The platform role that registers projects and issues credits.</param>
/// <param name="HostProvince">The one province its projects must be in (province code), or null for any.</param>
/// <param name="CodePrefix">Letters that start a project code (may be empty).</param>
/// <param name="CodeDigits">Digits after the prefix, zero-padded.</param>
/// <param name="Methodologies">The methodologies it accepts.</param>
/// <param name="Source">The rule the review roles come from.</param>
public sealed record Programme(
    UnitType Type, string Name, string Reviewer, string Approver, string Recorder, Role Validator, Role Registrar,
    string? HostProvince, string CodePrefix, int CodeDigits, IReadOnlyList<Methodology> Methodologies, string Source)
{
    /// <summary><c>CCER</c>, <c>FFCER</c> or <c>PHCER</c>.</summary>
    public string Code => UnitClass.ProgrammeText(Type);

    /// <summary>The project code numbered <paramref name="number"/>, e.g. <c>FJ0003</c> or <c>000101</c>.</summary>
    public string ProjectCode(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        return CodePrefix + number.ToString(new string('0', CodeDigits), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The serial format, e.g. <c>FFCER-FJ0001-2016-1-1000</c>.</summary>
    public string SerialFormat => $"{Code}-{ProjectCode(1)}-<vintage>-<first>-<last>";

    /// <summary>The methodology filed as <paramref name="id"/> (<c>AR-CM-003-V01</c>), or null when the programme does not accept it.</summary>
    public Methodology? FindMethodology(string? id) =>
        Methodologies.FirstOrDefault(m => string.Equals(m.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));
}
