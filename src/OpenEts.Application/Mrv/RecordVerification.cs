using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>
/// The assigned verifier records its verification (核查): the lines and production outputs it adjusts, each with a reason
/// and evidence; a note on
/// every warning of the report (as reported and as adjusted); and its conclusion. The verified total is computed from
/// the adjusted lines with the current factor library and rounded for the report. Only a verifier of the body assigned
/// to this report; flagged late after the jurisdiction's verification deadline.
/// </summary>
public sealed record RecordVerification(long Report, IReadOnlyList<LineAdjustment> Adjustments,
    IReadOnlyList<WarningAcknowledgement> Acknowledgements, string Conclusion) : IMrvCommand
{
    /// <summary>The production outputs the verifier changed (allocation's true-up reads the verified outputs).</summary>
    public IReadOnlyList<OutputAdjustment> OutputAdjustments { get; init; } = [];

    /// <summary>The measured parameters the verifier set (a company's NCV, carbon content, oxidation rate…).</summary>
    public IReadOnlyList<ParameterAdjustment> ParameterAdjustments { get; init; } = [];

    public sealed record Form(long? Report, IReadOnlyList<AdjustmentForm>? Adjustments, IReadOnlyList<AcknowledgementForm>? Acknowledgements,
        string? Conclusion, IReadOnlyList<OutputAdjustmentForm>? OutputAdjustments = null,
        IReadOnlyList<ParameterAdjustmentForm>? ParameterAdjustments = null);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => Allowed;

    /// <summary>Who may verify: known before the form is read, so that anyone else is told so, not what the form lacks.</summary>
    public static IReadOnlyList<Role> Allowed => MrvRoles.Verifier;

    public static bool TryParse(Form form, [NotNullWhen(true)] out RecordVerification? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var report = read.Report(form.Report);
        var adjustments = new List<LineAdjustment>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (form.Adjustments?.Count ?? 0); i++)
        {
            var f = form.Adjustments![i];
            var at = $"adjustments[{i}]";
            var line = read.Text(f.LineId, at + ".lineId", MrvFields.CodeLength);
            var amount = read.Amount(f.Amount, at + ".amount");
            if (amount < 0)
            {
                read.Fail(at + ".amount", "Range", $"{at}.amount must not be negative");
            }
            if (line.Length > 0 && !seen.Add(line))
            {
                read.Fail(at + ".lineId", "Duplicate", $"line {line} is adjusted more than once");
            }
            adjustments.Add(new LineAdjustment(line, amount, read.Text(f.Reason, at + ".reason", MrvFields.LongText),
                read.Text(f.Evidence, at + ".evidence", MrvFields.ShortText)));
        }
        var acknowledgements = new List<WarningAcknowledgement>();
        for (var i = 0; i < (form.Acknowledgements?.Count ?? 0); i++)
        {
            var f = form.Acknowledgements![i];
            acknowledgements.Add(new WarningAcknowledgement(read.Text(f.Warning, $"acknowledgements[{i}].warning", MrvFields.ShortText),
                read.Text(f.Note, $"acknowledgements[{i}].note", MrvFields.LongText)));
        }
        var outputs = new List<OutputAdjustment>();
        var seenOutputs = new HashSet<int>();
        for (var i = 0; i < (form.OutputAdjustments?.Count ?? 0); i++)
        {
            var f = form.OutputAdjustments![i];
            var at = $"outputAdjustments[{i}]";
            if (f.Index is not { } index || index < 0)
            {
                read.Fail(at + ".index", "Required", $"{at}.index: the output's position in the report, 0 or more");
            }
            else if (!seenOutputs.Add(index))
            {
                read.Fail(at + ".index", "Duplicate", $"output {index} is adjusted more than once");
            }
            var amount = read.Amount(f.Amount, at + ".amount");
            if (amount < 0)
            {
                read.Fail(at + ".amount", "Range", $"{at}.amount must not be negative");
            }
            outputs.Add(new OutputAdjustment(f.Index ?? 0, amount, read.Text(f.Reason, at + ".reason", MrvFields.LongText),
                read.Text(f.Evidence, at + ".evidence", MrvFields.ShortText)));
        }
        var parameters = new List<ParameterAdjustment>();
        var seenParameters = new HashSet<(string, ParameterKind)>();
        for (var i = 0; i < (form.ParameterAdjustments?.Count ?? 0); i++)
        {
            var f = form.ParameterAdjustments![i];
            var at = $"parameterAdjustments[{i}]";
            var line = read.Text(f.LineId, at + ".lineId", MrvFields.CodeLength);
            var parameter = read.Enum<ParameterKind>(f.Parameter, at + ".parameter");
            var value = read.Amount(f.Value, at + ".value", MrvLimits.MaxMeasured);
            if (value <= 0 && f.Value is not null)
            {
                read.Fail(at + ".value", "Range", $"{at}.value must be above zero");
            }
            if (line.Length > 0 && !seenParameters.Add((line, parameter)))
            {
                read.Fail(at + ".parameter", "Duplicate", $"line {line}'s {parameter} is adjusted more than once");
            }
            parameters.Add(new ParameterAdjustment(line, parameter, value, read.Text(f.Reason, at + ".reason", MrvFields.LongText),
                read.Text(f.Evidence, at + ".evidence", MrvFields.ShortText)));
        }
        var conclusion = read.Text(form.Conclusion, "conclusion", MrvFields.LongText);
        command = read.IsValid
            ? new RecordVerification(report, adjustments, acknowledgements, conclusion) { OutputAdjustments = outputs, ParameterAdjustments = parameters }
            : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<MrvDecision> DecideAsync(MrvWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (report, company, refusal) = await work.ReportAsync(Report).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }
        if (report!.Status != ReportStatus.Assigned)
        {
            return MrvWork.WrongStep(report, "verified");
        }
        var errors = new List<FieldError>();
        for (var i = 0; i < Adjustments.Count; i++)
        {
            if (!report.Lines.Any(l => l.Id == Adjustments[i].LineId))
            {
                errors.Add(new FieldError($"adjustments[{i}].lineId", "UnknownLine", $"the report has no line {Adjustments[i].LineId}"));
            }
        }
        for (var i = 0; i < OutputAdjustments.Count; i++)
        {
            if (OutputAdjustments[i].Index >= report.Outputs.Count)
            {
                errors.Add(new FieldError($"outputAdjustments[{i}].index", "UnknownOutput",
                    $"the report has {report.Outputs.Count} outputs: there is no output {OutputAdjustments[i].Index}"));
            }
        }
        for (var i = 0; i < ParameterAdjustments.Count; i++)
        {
            var adjustment = ParameterAdjustments[i];
            if (report.Lines.FirstOrDefault(l => l.Id == adjustment.LineId) is not { } line)
            {
                errors.Add(new FieldError($"parameterAdjustments[{i}].lineId", "UnknownLine", $"the report has no line {adjustment.LineId}"));
            }
            else if (!ParameterKinds.AppliesTo(line.Kind, adjustment.Parameter))
            {
                // The value would be kept in the verification and read by no formula: the verified total would not move.
                errors.Add(FieldError.Of($"parameterAdjustments[{i}].parameter", "MeasurementNotApplicable",
                    $"line {line.Id} ({SourceKinds.Code(line.Kind)}) has no {ParameterKinds.Code(adjustment.Parameter)}: it measures {ParameterKinds.CodesFor(line.Kind)}"));
            }
        }
        if (errors.Count > 0)
        {
            return new MrvDecision.Fail(errors);
        }
        var adjusted = MrvReview.WithParameters(MrvReview.Adjusted(report.Input, Adjustments, OutputAdjustments), ParameterAdjustments,
            work.Actor.UserName);
        var verified = await MrvReview.CheckAsync(work.Session.Mrv, report.OrganisationId, adjusted).ConfigureAwait(false);
        if (!verified.IsValid)
        {
            return new MrvDecision.Fail(MrvWork.ErrorsOf(verified));
        }
        var reported = await MrvReview.CheckAsync(work.Session.Mrv, report.OrganisationId, report.Input).ConfigureAwait(false);
        var all = MrvReview.Warnings(reported).Concat(MrvReview.Warnings(verified)).DistinctBy(MrvReview.WarningKey).ToList();
        var warnings = all.Select(MrvReview.WarningKey).ToList();
        var noted = Acknowledgements.Select(a => a.Warning).ToHashSet(StringComparer.Ordinal);
        // Each warning without a note is named, with its sentence: an adjustment may raise a warning the report did not
        // have, and the verifier's form learns of it from here.
        errors.AddRange(all.Where(w => !noted.Contains(MrvReview.WarningKey(w))).Select(w =>
            FieldError.Of("acknowledgements", "WarningNotAcknowledged", $"warning {MrvReview.WarningKey(w)} needs a note ({w.Message})")));
        errors.AddRange(Acknowledgements.Select((a, i) => (a, i)).Where(x => !warnings.Contains(x.a.Warning)).Select(x =>
            new FieldError($"acknowledgements[{x.i}].warning", "UnknownWarning", $"the report has no warning {x.a.Warning}")));
        if (errors.Count > 0)
        {
            return new MrvDecision.Fail(errors);
        }
        var deadline = await work.Session.Mrv.FindDeadlineAsync(report.Region, report.Year).ConfigureAwait(false);
        var verification = new Verification(Adjustments, Acknowledgements, Conclusion, MrvReview.Total(verified), verified.FactorLibraryVersion,
            work.Actor.UserName, work.Now, deadline is not null && ReportingDeadline.IsAfter(work.Now, deadline.VerificationDue))
        {
            OutputAdjustments = OutputAdjustments,
            ParameterAdjustments = ParameterAdjustments,
        };
        return new MrvDecision.Write("mrv.report.verified", MrvWork.Subject(company!, report.Year), new
        {
            report = report.Id,
            adjustments = Adjustments,
            outputAdjustments = OutputAdjustments,
            parameterAdjustments = ParameterAdjustments.Count == 0 ? null : ParameterAdjustments,
            acknowledgements = Acknowledgements,
            conclusion = Conclusion,
            verifiedTonnes = verification.Verified.Value,
            factorVersion = verification.FactorVersion,
            late = verification.Late,
        }) { Report = report with { Status = ReportStatus.Verified, Verification = verification } };
    }
}
