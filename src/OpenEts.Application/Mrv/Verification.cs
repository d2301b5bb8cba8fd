using OpenEts.Domain.Mrv;
using OpenEts.Domain.Quantities;

namespace OpenEts.Application.Mrv;

/// <summary>
/// What a verifier recorded (核查结论): the lines it adjusted (each with a reason and evidence), a note on every
/// warning, its conclusion, and the verified total computed from the adjusted lines with the factor library named.
/// </summary>
/// <param name="Adjustments">The verified amounts of the lines the verifier changed; other lines stand as reported.</param>
/// <param name="Acknowledgements">A note per warning of the report (<see cref="MrvReview.WarningKey"/>).</param>
/// <param name="Conclusion">The verifier's conclusion, free text.</param>
/// <param name="Verified">The verified total, rounded for the report (1 kg).</param>
/// <param name="FactorVersion">The factor library the verified total was computed with.</param>
/// <param name="Verifier">The verifier user who recorded it.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Late">True when recorded after the jurisdiction's verification deadline.</param>
public sealed record Verification(
    IReadOnlyList<LineAdjustment> Adjustments, IReadOnlyList<WarningAcknowledgement> Acknowledgements, string Conclusion,
    Tonnes Verified, string FactorVersion, string Verifier, DateTimeOffset At, bool Late)
{
    /// <summary>The verified amounts of the production outputs the verifier changed; others stand as reported.</summary>
    public IReadOnlyList<OutputAdjustment> OutputAdjustments { get; init; } = [];

    /// <summary>The measured parameters the verifier set (NCV, carbon content, oxidation rate…); others stand as reported.</summary>
    public IReadOnlyList<ParameterAdjustment> ParameterAdjustments { get; init; } = [];
}

/// <summary>
/// A verifier's value for one measured parameter of one line (a company's NCV, carbon content or oxidation rate, in the
/// parameter's unit), replacing the company's measured value or the default, with why and on what evidence.
/// </summary>
public sealed record ParameterAdjustment(string LineId, ParameterKind Parameter, decimal Value, string Reason, string Evidence);

/// <summary>A verifier's change to one line's amount (in the line's own unit), with why and on what evidence.</summary>
public sealed record LineAdjustment(string LineId, decimal Amount, string Reason, string Evidence);

/// <summary>
/// A verifier's change to one production output's amount (the report's output at <paramref name="Index"/>, 0-based, in
/// its own unit), with why and on what evidence. Allocation's true-up reads the verified outputs.
/// </summary>
public sealed record OutputAdjustment(int Index, decimal Amount, string Reason, string Evidence);

/// <summary>A verifier's note on one warning (a plausibility finding or a source missing from the monitoring plan).</summary>
public sealed record WarningAcknowledgement(string Warning, string Note);
