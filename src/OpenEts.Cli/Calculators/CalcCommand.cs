using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using OpenEts.Application.DualControl.Calculators;
using OpenEts.Domain.DualControl.Calculators;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Cli.Calculators;

/// <summary>
/// <c>ets calc apu|boiler|pv|retrofit …</c>: the reduction calculators (docs/cards-and-calculators.md) on the shipped factor
/// library: prints every input with its unit and source, the arithmetic, the recomputed reduction, the claim check and
/// the monetised value. Exit 0 when the claim follows (or none was given), 1 when the claim is flagged, 2 usage.
/// </summary>
internal static class CalcCommand
{
    private static readonly ReductionCheck Check = new(DefaultFactors.Library, SccSeries.Shipped);

    public static Command Build() => new("calc", "Reduction calculators (减排量计算器): recompute a claimed reduction from its inputs and flag it when it does not follow.")
    {
        Apu(), Boiler(), Pv(), Retrofit(),
    };

    // A number the option cannot read is named as typed ("--hours: 'abc' is not a number"), not by the .NET type it was to be.
    private static Option<decimal?> Number(string name, string description, string help = "N") => new(name)
    {
        Description = description, HelpName = help, CustomParser = r => Read<decimal>(r, name, "a number", NumberStyles.Number),
    };

    private static Option<int?> WholeNumber(string name, string description, string help) => new(name)
    {
        Description = description, HelpName = help, CustomParser = r => Read<int>(r, name, "a whole number", NumberStyles.AllowLeadingSign),
    };

    private static T? Read<T>(ArgumentResult result, string name, string what, NumberStyles styles) where T : struct, INumber<T>
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (T.TryParse(text, styles, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        result.AddError($"{name}: '{text}' is not {what}");
        return null;
    }

    private static Option<string?> Text(string name, string description, string help) => new(name) { Description = description, HelpName = help };

    private sealed record Common(Option<int?> GridYear, Option<string?> GridRegion, Option<decimal?> Claimed, Option<string?> Scc)
    {
        public static Common Create() => new(WholeNumber("--grid-year", "the grid factor's year (default: the latest)", "YEAR"),
            Text("--grid-region", "the grid factor's region: national, guangdong, east, … (default: national)", "REGION"),
            Number("--claimed", "the project's claimed reduction, t CO2 a year"),
            Text("--scc", "the social cost of carbon: " + string.Join(", ", SccSeries.Shipped.All.Select(v => v.Code)) + " (default: the first)", "CODE"));

        public Symbol[] Symbols => [GridYear, GridRegion, Claimed, Scc];
    }

    private static Verb Apu()
    {
        var flights = Number("--flights", "aircraft stays at equipped stands a day");
        var fuel = Number("--fuel-per-stay", "APU jet fuel per stay, kg", "KG");
        var factor = Number("--fuel-factor", "kg CO2 per kg jet fuel (default: the factor library's jet kerosene)");
        var factorSource = Text("--fuel-factor-source", "where the claim's fuel factor comes from", "TEXT");
        var kwh = Number("--electricity-per-stay", "ground power and air electricity per stay, kWh (default 0)", "KWH");
        var days = WholeNumber("--days", $"operating days a year (default {ReductionCheck.DefaultDays})", "DAYS");
        var c = Common.Create();
        var verb = new Verb("apu", "Airport ground power and air replacing APUs: flights × fuel per stay × days × factor − flights × kWh per stay × days × grid factor.",
            "ets calc apu --flights N --fuel-per-stay KG [--fuel-factor N] [--electricity-per-stay KWH] [--days DAYS] [--grid-region REGION] [--grid-year YEAR] [--claimed N] [--scc CODE]",
            [flights, fuel, factor, factorSource, kwh, days, .. c.Symbols]);
        verb.SetAction((r, _) => Run(r, verb, Check.TryApu(new(r.GetValue(flights), r.GetValue(fuel), r.GetValue(factor), r.GetValue(factorSource),
            r.GetValue(kwh), r.GetValue(days), r.GetValue(c.GridYear), r.GetValue(c.GridRegion), r.GetValue(c.Claimed), r.GetValue(c.Scc)), out var res, out var e), res, e));
        return verb;
    }

    private static Verb Boiler()
    {
        var baseline = Text("--baseline-fuel", "the old fuel's code: " + string.Join(", ", Check.Fuels), "FUEL");
        var baseAmount = Number("--baseline-amount", "the old fuel a year, in its unit (t, or 10⁴Nm³ for gas)");
        var newFuel = Text("--new-fuel", "the new fuel's code (none: an electric boiler)", "FUEL");
        var newAmount = Number("--new-amount", "the new fuel a year, in its unit");
        var mwh = Number("--electricity", "electricity the new boiler uses a year, MWh", "MWH");
        var c = Common.Create();
        var verb = new Verb("boiler", "A boiler replacing its fuel: old fuel × factor − new fuel × factor − electricity × grid factor.",
            "ets calc boiler --baseline-fuel FUEL --baseline-amount N [--new-fuel FUEL --new-amount N] [--electricity MWH] [--grid-region REGION] [--grid-year YEAR] [--claimed N] [--scc CODE]",
            [baseline, baseAmount, newFuel, newAmount, mwh, .. c.Symbols]);
        verb.SetAction((r, _) => Run(r, verb, Check.TryBoiler(new(r.GetValue(baseline), r.GetValue(baseAmount), r.GetValue(newFuel), r.GetValue(newAmount),
            r.GetValue(mwh), r.GetValue(c.GridYear), r.GetValue(c.GridRegion), r.GetValue(c.Claimed), r.GetValue(c.Scc)), out var res, out var e), res, e));
        return verb;
    }

    private static Verb Pv()
    {
        var kw = Number("--capacity", "installed capacity, kW", "KW");
        var hours = Number("--hours", "equivalent full-load hours a year", "H");
        var c = Common.Create();
        var verb = new Verb("pv", "A PV system: kW × full-load hours ÷ 1000 × grid factor.",
            "ets calc pv --capacity KW --hours H [--grid-region REGION] [--grid-year YEAR] [--claimed N] [--scc CODE]", [kw, hours, .. c.Symbols]);
        verb.SetAction((r, _) => Run(r, verb, Check.TryPv(new(r.GetValue(kw), r.GetValue(hours), r.GetValue(c.GridYear), r.GetValue(c.GridRegion),
            r.GetValue(c.Claimed), r.GetValue(c.Scc)), out var res, out var e), res, e));
        return verb;
    }

    private static Verb Retrofit()
    {
        var mwh = Number("--electricity-saved", "electricity saved a year, MWh", "MWH");
        var fuel = Text("--fuel", "the fuel saved's code", "FUEL");
        var saved = Number("--fuel-saved", "fuel saved a year, in its unit");
        var c = Common.Create();
        var verb = new Verb("retrofit", "An energy-saving retrofit: electricity saved × grid factor + fuel saved × fuel factor.",
            "ets calc retrofit [--electricity-saved MWH] [--fuel FUEL --fuel-saved N] [--grid-region REGION] [--grid-year YEAR] [--claimed N] [--scc CODE]",
            [mwh, fuel, saved, .. c.Symbols]);
        verb.SetAction((r, _) => Run(r, verb, Check.TryRetrofit(new(r.GetValue(mwh), r.GetValue(fuel), r.GetValue(saved), r.GetValue(c.GridYear),
            r.GetValue(c.GridRegion), r.GetValue(c.Claimed), r.GetValue(c.Scc)), out var res, out var e), res, e));
        return verb;
    }

    private static async Task<int> Run(ParseResult r, Verb verb, bool ok, CheckedReduction? result, IReadOnlyList<FieldError> errors)
    {
        if (!ok)
        {
            return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb, errors.Select(e => $"{e.Message} (rule {e.Rule})")).ConfigureAwait(false);
        }
        var o = r.InvocationConfiguration.Output;
        var calc = result!.Recalculation;
        await o.WriteLineAsync("inputs:").ConfigureAwait(false);
        foreach (var i in calc.Inputs)
        {
            await o.WriteLineAsync($"  {i.Code} = {Calc.Show(i.Value)} {i.Unit}  [{i.Source}]{(i.Confirmed ? "" : " [UNCONFIRMED]")}").ConfigureAwait(false);
        }
        await o.WriteLineAsync("arithmetic:").ConfigureAwait(false);
        foreach (var s in calc.Steps)
        {
            await o.WriteLineAsync($"  {s.Name}: {s.Arithmetic}").ConfigureAwait(false);
        }
        await o.WriteLineAsync($"recomputed: {Calc.Show(calc.ComputedTonnes)} t CO2/yr").ConfigureAwait(false);
        if (calc.ClaimedTonnes is not null)
        {
            var verdict = calc.Flagged ? $"FLAGGED ({calc.Check}): the claim does not follow from its inputs" : "the claim follows from its inputs";
            await o.WriteLineAsync($"claim: {Calc.Show(calc.ClaimedTonnes.Value)} t CO2/yr — {verdict}").ConfigureAwait(false);
            await o.WriteLineAsync($"  check: {calc.CheckArithmetic}").ConfigureAwait(false);
        }
        await o.WriteLineAsync($"monetised ({result.Scc.Code}): {result.MonetisedArithmetic}  [{result.Scc.Source}]{(result.Scc.Confirmed ? "" : " [UNCONFIRMED]")}")
            .ConfigureAwait(false);
        return calc.Flagged ? ExitCode.Rejected : ExitCode.Ok;
    }
}
