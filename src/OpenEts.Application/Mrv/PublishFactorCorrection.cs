using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>
/// The regulator publishes a corrected default factor from an official notice as a new version of the factor library.
/// Reports computed from then on use it; reports already verified or approved keep the version they name, and
/// <see cref="MrvQueries.CorrectionImpactAsync"/> lists, before publication, the reports the correction would move.
/// </summary>
public sealed record PublishFactorCorrection(string Version, string Notes, FactorCorrection Correction) : IMrvCommand
{
    /// <summary>The journal kind.</summary>
    public const string JournalKind = "mrv.factors.published";

    /// <summary>The longest version label.</summary>
    public const int VersionLength = 32;

    /// <param name="Kind">gridFactor, fuelNcv, fuelCarbonContent, fuelOxidation or heatFactor.</param>
    /// <param name="Target">The fuel code or the grid region; empty for the heat factor.</param>
    public sealed record Form(string? Version, string? Notes, string? Kind, string? Target, int? Year, decimal? Value, string? Source);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => MrvRoles.Regulator;

    /// <summary>Reads the correction alone (for the impact preview, which needs no version).</summary>
    public static bool TryParseCorrection(Form form, [NotNullWhen(true)] out FactorCorrection? correction, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        correction = ReadCorrection(read, form);
        errors = read.Errors;
        correction = read.IsValid ? correction : null;
        return correction is not null;
    }

    public static bool TryParse(Form form, [NotNullWhen(true)] out PublishFactorCorrection? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var version = read.Text(form.Version, "version", VersionLength);
        var notes = read.Text(form.Notes, "notes", MrvFields.LongText, required: false);
        var correction = ReadCorrection(read, form);
        command = read.IsValid ? new PublishFactorCorrection(version, notes, correction) : null;
        errors = read.Errors;
        return command is not null;
    }

    private static FactorCorrection ReadCorrection(FieldReader read, Form form)
    {
        var kind = read.Enum<FactorCorrectionKind>(form.Kind, "kind");
        var target = read.Text(form.Target, "target", MrvFields.CodeLength, required: false);
        var year = read.ReportingYear(form.Year);
        var value = read.Amount(form.Value, "value", MrvLimits.MaxMeasured);
        var source = read.Text(form.Source, "source", MrvFields.ShortText);
        return new FactorCorrection(kind, target, year, value, source);
    }

    /// <inheritdoc/>
    public async Task<MrvDecision> DecideAsync(MrvWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var published = await work.Session.Mrv.ListFactorVersionsAsync().ConfigureAwait(false);
        if (Version == DefaultFactors.Version || published.Any(p => p.Version == Version))
        {
            return new MrvDecision.Refuse("FactorVersionExists", "version",
                $"version: the factor library already has a version {Version}; a correction needs a new label", RefusalKind.Conflict);
        }
        if (Correction.Problem(MrvFactors.Current(published)) is { } problem)
        {
            return new MrvDecision.Fail([new FieldError(problem.Field, problem.Rule, problem.Message)]);
        }
        var entry = new PublishedFactors(Version, work.Now, work.Actor.UserName, Notes, Correction);
        return new MrvDecision.Write(JournalKind, Version, new
        {
            version = Version,
            notes = Notes,
            kind = Correction.Kind.ToString(),
            target = Correction.Target,
            year = Correction.Year,
            value = Correction.Value,
            source = Correction.Source,
        }) { Factors = entry };
    }
}
