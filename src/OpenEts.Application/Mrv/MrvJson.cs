using System.Text.Json;
using System.Text.Json.Serialization;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Quantities;

namespace OpenEts.Application.Mrv;

/// <summary>
/// MRV's JSON shapes, shared by the storage columns, the journal's payloads and the API: lines, outputs, plan sources
/// and verifications as plain records with enum names and exact decimals (never doubles). Stored and journalled JSON
/// (these options) keeps the enum names as declared, as it always has, so old rows and hashed journal payloads read the
/// same; the API writes the same records with its own options, in camelCase like every other enum.
/// </summary>
public static class MrvJson
{
    private static readonly JsonSerializerOptions Options = new(Json.Options)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record LineJson(string Id, SourceKind Kind, string Material, decimal Amount, MeasureUnit Unit,
        IReadOnlyList<MeasuredJson>? Measured = null);

    public sealed record MeasuredJson(ParameterKind Parameter, decimal Value, string Evidence, string Rule);

    public sealed record OutputJson(OutputKind Kind, decimal Amount, MeasureUnit Unit, string? Detail = null);

    public sealed record InputJson(IReadOnlyList<LineJson> Lines, IReadOnlyList<OutputJson> Outputs,
        AccountingMethod Method = AccountingMethod.SectorGuideline);

    public sealed record VerificationJson(IReadOnlyList<LineAdjustment> Adjustments, IReadOnlyList<WarningAcknowledgement> Acknowledgements,
        string Conclusion, long VerifiedKg, string FactorVersion, string Verifier, long At, bool Late,
        IReadOnlyList<OutputAdjustment>? OutputAdjustments = null, IReadOnlyList<ParameterAdjustment>? ParameterAdjustments = null);

    public static IReadOnlyList<LineJson> Lines(IEnumerable<ReportLine> lines) =>
        [.. lines.Select(l => new LineJson(l.Id, l.Kind, l.Material, l.Amount, l.Unit,
            l.Measured.Count == 0 ? null : [.. l.Measured.Select(m => new MeasuredJson(m.Parameter, m.Value, m.Evidence, m.Rule))]))];

    public static IReadOnlyList<OutputJson> Outputs(IEnumerable<ProductionOutput> outputs) =>
        [.. outputs.Select(o => new OutputJson(o.Kind, o.Amount, o.Unit, o.Detail))];

    /// <summary>A report's lines and outputs as stored.</summary>
    public static string Input(IReadOnlyList<ReportLine> lines, IReadOnlyList<ProductionOutput> outputs, AccountingMethod method) =>
        JsonSerializer.Serialize(new InputJson(Lines(lines), Outputs(outputs), method), Options);

    public static (IReadOnlyList<ReportLine> Lines, IReadOnlyList<ProductionOutput> Outputs, AccountingMethod Method) ReadInput(string json)
    {
        var input = JsonSerializer.Deserialize<InputJson>(json, Options) ?? throw new InvalidOperationException("a stored report has no input");
        return ([.. input.Lines.Select(l => new ReportLine(l.Id, l.Kind, l.Material, l.Amount, l.Unit,
                [.. (l.Measured ?? []).Select(m => new MeasuredValue(m.Parameter, m.Value, m.Evidence, m.Rule))]))],
            [.. input.Outputs.Select(o => new ProductionOutput(o.Kind, o.Amount, o.Unit, o.Detail))], input.Method);
    }

    public static string Verification(Verification v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return JsonSerializer.Serialize(new VerificationJson(v.Adjustments, v.Acknowledgements, v.Conclusion, v.Verified.Kilograms,
            v.FactorVersion, v.Verifier, v.At.ToUnixTimeMilliseconds(), v.Late, v.OutputAdjustments.Count == 0 ? null : v.OutputAdjustments,
            v.ParameterAdjustments.Count == 0 ? null : v.ParameterAdjustments), Options);
    }

    public static Verification ReadVerification(string json)
    {
        var v = JsonSerializer.Deserialize<VerificationJson>(json, Options) ?? throw new InvalidOperationException("empty verification");
        return new Verification(v.Adjustments, v.Acknowledgements, v.Conclusion, Tonnes.FromKilograms(v.VerifiedKg), v.FactorVersion,
            v.Verifier, DateTimeOffset.FromUnixTimeMilliseconds(v.At), v.Late) {
            OutputAdjustments = v.OutputAdjustments ?? [],
            ParameterAdjustments = v.ParameterAdjustments ?? [],
        };
    }

    public static string Sources(IReadOnlyList<PlanSource> sources) => JsonSerializer.Serialize(sources, Options);

    public static IReadOnlyList<PlanSource> ReadSources(string json) =>
        JsonSerializer.Deserialize<List<PlanSource>>(json, Options) ?? [];

    /// <summary>Any value in MRV's JSON (enum names), for payloads and exports.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
