namespace OpenEts.Application.Mrv;

/// <summary>One report line as typed (the API's JSON, a page's row): every field as text or a plain number.</summary>
public sealed record LineForm(string? Id, string? Kind, string? Material, decimal? Amount, string? Unit,
    IReadOnlyList<MeasuredForm>? Measured = null);

/// <summary>A measured parameter as typed: parameter, value, evidence and measurement rule.</summary>
public sealed record MeasuredForm(string? Parameter, decimal? Value, string? Evidence, string? Rule);

/// <summary>A production output as typed.</summary>
public sealed record OutputForm(string? Kind, decimal? Amount, string? Unit, string? Detail = null);

/// <summary>A monitoring-plan source as typed.</summary>
public sealed record PlanSourceForm(string? Kind, string? Material, string? Method, string? Meter, string? Frequency);

/// <summary>A verifier's line adjustment as typed.</summary>
public sealed record AdjustmentForm(string? LineId, decimal? Amount, string? Reason, string? Evidence);

/// <summary>A verifier's note on one warning as typed (the warning's key, e.g. <c>NotInMonitoringPlan:L3</c>).</summary>
public sealed record AcknowledgementForm(string? Warning, string? Note);

/// <summary>A verifier's change to one production output as typed: the output's position in the report (0-based).</summary>
public sealed record OutputAdjustmentForm(int? Index, decimal? Amount, string? Reason, string? Evidence);

/// <summary>A verifier's measured parameter of one line as typed (the parameter by name: netCalorificValue, carbonContent…).</summary>
public sealed record ParameterAdjustmentForm(string? LineId, string? Parameter, decimal? Value, string? Reason, string? Evidence);
