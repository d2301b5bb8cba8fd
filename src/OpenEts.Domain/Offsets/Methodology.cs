using OpenEts.Domain.Registry;

namespace OpenEts.Domain.Offsets;

/// <summary>
/// A methodology (方法学) a programme accepts: its code and version, name, the project category it serves, how it computes
/// reductions, and the non-permanence buffer it withholds at issuance (percent of the verified tonnes, rounded up by the
/// registry; 0 = none).
/// </summary>
/// <param name="Code">The methodology's code, e.g. <c>AR-CM-003</c>.</param>
/// <param name="Version">Its version, e.g. <c>V01</c>.</param>
/// <param name="Name">Its Chinese title.</param>
/// <param name="Categories">The project categories it serves.</param>
/// <param name="Kind">How reductions are computed.</param>
/// <param name="BufferPercent">Non-permanence buffer, percent of verified tonnes (0–100).</param>
/// <param name="Source">Where the code and buffer come from; <see cref="Confirmed"/> says whether a retrieved source shows them.</param>
/// <param name="Confirmed">False when the code or the buffer is not in the project's reference (shown as [UNCONFIRMED]).</param>
public sealed record Methodology(
    string Code, string Version, string Name, IReadOnlyList<ProjectCategory> Categories, MethodologyKind Kind, decimal BufferPercent, string Source,
    bool Confirmed)
{
    /// <summary>Code and version as filed, e.g. <c>AR-CM-003-V01</c>.</summary>
    public string Id => $"{Code}-{Version}";
}
