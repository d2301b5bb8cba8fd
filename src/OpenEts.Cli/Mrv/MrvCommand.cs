using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OpenEts.Application.Mrv.Files;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;
using Spectre.Console;

namespace OpenEts.Cli.Mrv;

/// <summary>
/// <c>ets mrv calc FILE.xlsx|FILE.csv [--json] [--sector S] [--year Y]</c>: reads a report file and prints emissions
/// by source, the total and its derivation (exit 1 with every problem on stderr when the file is invalid);
/// <c>ets mrv template SECTOR [--lang en] -o FILE.xlsx</c>: writes a sector's template. Formats in docs/mrv.md.
/// </summary>
internal static class MrvCommand
{
    /// <summary>The <c>mrv</c> command with its verbs.</summary>
    public static Command Build()
    {
        var file = new Argument<string>("FILE") { Description = "a report as .xlsx or .csv (docs/mrv.md)" };
        var json = new Option<bool>("--json") { Description = "machine output: one JSON object (docs/mrv.md)" };
        var sector = new Option<string?>("--sector") { Description = "the report's sector, when the file has no 行业 row" };
        var year = new Option<int?>("--year") { Description = "the reporting year, when the file has no 报告年度 row" };
        var calc = new Verb("calc", "Compute a report file: emissions by source, the total and its derivation.",
            "ets mrv calc FILE.xlsx|FILE.csv [--json] [--sector S] [--year Y]", file, json, sector, year);
        calc.SetAction((r, ct) => CalcAsync(r.GetRequiredValue(file), r.GetValue(json), r.GetValue(sector), r.GetValue(year), calc,
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));

        var sectorName = new Argument<string>("SECTOR") { Description = "power, cement, steel, petrochemical, paper or aviation" };
        var lang = new Option<string>("--lang") { Description = "zh (default) or en", DefaultValueFactory = _ => "zh" };
        var output = new Option<string>("--output", "-o") { Description = "the .xlsx file to write", Required = true };
        var template = new Verb("template", "Write a sector's report template (.xlsx) with the default factors shown.",
            "ets mrv template SECTOR [--lang en] -o FILE.xlsx", sectorName, lang, output);
        template.SetAction((r, ct) => TemplateAsync(r.GetRequiredValue(sectorName), r.GetRequiredValue(lang), r.GetRequiredValue(output),
            template, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));

        return new Command("mrv", "Emission reports (MRV).") { calc, template };
    }

    private static async Task<int> CalcAsync(string path, bool json, string? sectorText, int? year, Command command, TextWriter stdout,
        TextWriter stderr, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return await CommandUsage.ErrorAsync(stderr, command, [$"file not found: {path}"]).ConfigureAwait(false);
        }
        Sector? sector = null;
        if (sectorText is not null)
        {
            if (!DomainNames.TryParseSector(sectorText, out var s) || s == Sector.Other)
            {
                return await CommandUsage.ErrorAsync(stderr, command, [$"--sector: '{sectorText}' is not a covered sector"]).ConfigureAwait(false);
            }
            sector = s;
        }
        var content = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        var terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var check = terminal
            ? AnsiConsole.Status().Start($"computing {Path.GetFileName(path)}",
                _ => ReportFileCheck.Run(content, path, DefaultFactors.Library, sector, year))
            : ReportFileCheck.Run(content, path, DefaultFactors.Library, sector, year);

        var name = CommandUsage.PathOf(command);
        foreach (var error in check.Errors)
        {
            await stderr.WriteLineAsync($"{name}: {path}: {error}").ConfigureAwait(false);
        }
        if (check.ErrorCount > check.Errors.Count)
        {
            await stderr.WriteLineAsync(Invariant($"{name}: {path}: … and {CliText.Count(check.ErrorCount - check.Errors.Count, "more problem", "more problems")}")).ConfigureAwait(false);
        }
        if (json)
        {
            await LargeOutput.Utf8Async(stdout, output =>
            {
                using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
                ReportCalculationJson.Write(writer, path, check);
            }, ct).ConfigureAwait(false);
        }
        else if (check.Calculation is { } calculation && check.IsValid)
        {
            await LargeOutput.TextAsync(stdout, output => Text(output, check.Report!, calculation, check.Warnings), ct).ConfigureAwait(false);
        }
        if (!check.IsValid)
        {
            await stderr.WriteLineAsync(Invariant($"{name}: {CliText.Count(check.ErrorCount, "problem", "problems")} in {path}; no emissions computed")).ConfigureAwait(false);
            return ExitCode.Rejected;
        }
        return ExitCode.Ok;
    }

    private static void Text(TextWriter text, ReportInput report, ReportCalculation calculation, IReadOnlyList<MrvIssue> warnings)
    {
        text.Write(Invariant($"report: {report.Sector.ToString().ToLowerInvariant()} {report.Year}, region {report.Region}, "));
        text.Write(Invariant($"method {ReportWorkbook.MethodCode(report.Method)}, factor library {calculation.FactorLibraryVersion}\n"));
        text.Write("emissions by source (tCO2):\n");
        var lines = report.Lines.ToDictionary(l => l.Id, StringComparer.Ordinal);
        foreach (var line in calculation.Lines)
        {
            text.Write(Row(lines[line.LineId], line));
            text.Write('\n');
        }
        foreach (var line in calculation.Auxiliary)
        {
            text.Write(Row(lines[line.LineId], line));
            text.Write("  (auxiliary item, not in the total)\n");
        }
        text.Write(Invariant($"total: {calculation.ReportedTotal:0.000} tCO2 (exact {calculation.Total.Value})\n"));
        foreach (var warning in warnings)
        {
            text.Write(Invariant($"warning: {warning.Rule}: {warning.Message}\n"));
        }
        text.Write("derivation:\n");
        DerivationText.Write(calculation.Total, text, indent: "  ");
    }

    private static string Row(ReportLine input, LineEmission line) => Invariant(
        $"  {line.LineId}  {SourceKinds.Code(line.Kind)}  {input.Material}  {input.Amount} {MeasureUnits.Symbol(input.Unit)}  {DerivationText.Number(line.Emissions.Value)}");

    private static async Task<int> TemplateAsync(string sectorText, string lang, string output, Command command, TextWriter stdout,
        TextWriter stderr, CancellationToken ct)
    {
        if (!DomainNames.TryParseSector(sectorText, out var sector) || SectorTemplates.For(sector) is null)
        {
            return await CommandUsage.ErrorAsync(stderr, command,
                [$"'{sectorText}' is not a sector with a template (power, cement, steel, petrochemical, paper, aviation)"]).ConfigureAwait(false);
        }
        if (lang is not ("zh" or "en"))
        {
            return await CommandUsage.ErrorAsync(stderr, command, [$"--lang: '{lang}' is not zh or en"]).ConfigureAwait(false);
        }
        var buffer = new MemoryStream();
        ReportWorkbook.WriteTemplate(sector, lang, DefaultFactors.Library, buffer);
        await File.WriteAllBytesAsync(output, buffer.ToArray(), ct).ConfigureAwait(false);
        await stdout.WriteLineAsync($"wrote the {sector.ToString().ToLowerInvariant()} template ({lang}) to {output}").ConfigureAwait(false);
        return ExitCode.Ok;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
