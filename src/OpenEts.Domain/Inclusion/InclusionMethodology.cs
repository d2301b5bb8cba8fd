namespace OpenEts.Domain.Inclusion;

/// <summary>
/// A carbon-inclusion methodology (碳普惠方法学) as code plus parameters: <see cref="Formula"/> is the code, the
/// <see cref="Parameters"/> its numbers, each with its source and confirmed flag. The methodology design document
/// (scope, applicability, boundary, baseline, behaviour emissions: the outline of 粤环发〔2022〕4号's annex) is
/// <see cref="Design"/>. A methodology is immutable; a new version is a new methodology.
/// </summary>
/// <param name="Code">Its code, e.g. <c>SZ-TRANSIT</c>.</param>
/// <param name="Version">Its version, e.g. <c>2021</c>.</param>
/// <param name="Title">Its title (Chinese, as published).</param>
/// <param name="Formula">The code that computes a reduction.</param>
/// <param name="Parameters">Its numbers by name.</param>
/// <param name="Design">The design-document sections by heading (scope, applicability, boundary, baseline, behaviour emissions).</param>
/// <param name="Source">Where the methodology itself is described.</param>
public sealed record InclusionMethodology(
    string Code, string Version, string Title, MethodologyFormula Formula, IReadOnlyList<SourcedValue> Parameters,
    IReadOnlyList<KeyValuePair<string, string>> Design, string Source)
{
    /// <summary>The parameters each formula needs (any one group of the alternatives separated by <c>|</c>).</summary>
    public static IReadOnlyList<string> Required(MethodologyFormula formula) => formula switch
    {
        MethodologyFormula.Distance => ["netFactor|baselineFactor+modeFactor"],
        MethodologyFormula.PerTrip => ["tripFactor"],
        MethodologyFormula.Electricity => ["cityBaseline", "gridFactor"],
        MethodologyFormula.Steps => ["gramsPerStep"],
        MethodologyFormula.SolarPv => ["gridFactor"],
        MethodologyFormula.PerAction => ["gramsPerAction"],
        _ => throw new ArgumentOutOfRangeException(nameof(formula), formula, null),
    };

    /// <summary>The days before an electricity reading whose readings make the household's own average (Shenzhen 2022: "the previous 7-day average", cards A1).</summary>
    public const int OwnAverageDays = 7;

    /// <summary>
    /// True when an action is one trip (<see cref="MethodologyFormula.PerTrip"/>): its quantity counts trips, not km, and
    /// must be 1 (Guangzhou's metro study gives kgCO2 per trip, §4.1), so no distance or speed is read from it.
    /// </summary>
    public bool CountsTrips => Formula == MethodologyFormula.PerTrip;

    /// <summary>
    /// True when the rule applies to a citizen's whole day (<see cref="MethodologyFormula.Steps"/>: "at most 296 g a day",
    /// cards A3): the day's actions are summed and each earns what it adds to the day's total.
    /// </summary>
    public bool SumsTheDay => Formula == MethodologyFormula.Steps;

    /// <summary>The unit an action's quantity is in under this methodology: <c>trips</c> when it counts trips, else the behaviour's (<see cref="Behaviours.UnitOf"/>).</summary>
    public string UnitOf(Behaviour behaviour) => CountsTrips ? Behaviours.Trips : Behaviours.UnitOf(behaviour);

    /// <summary><c>Code-Version</c>, e.g. <c>SZ-TRANSIT-2021</c>.</summary>
    public string Id => Code + "-" + Version;

    /// <summary>True when every parameter's value was read in its source.</summary>
    public bool Confirmed => Parameters.All(p => p.Confirmed);

    /// <summary>The parameter named <paramref name="name"/>, or null.</summary>
    public SourcedValue? Find(string name)
    {
        // A loop, not LINQ: every action quantified reads its parameters, and a lambda and an enumerator would allocate.
        for (var i = 0; i < Parameters.Count; i++)
        {
            if (string.Equals(Parameters[i].Name, name, StringComparison.Ordinal))
            {
                return Parameters[i];
            }
        }
        return null;
    }

    private decimal Value(string name) =>
        Find(name)?.Value ?? throw new InvalidOperationException($"{Id}: parameter {name} is missing (the programme file is checked on load)");

    /// <summary>The net factor of a distance methodology: <c>netFactor</c>, or baselineFactor − modeFactor (gCO2/person-km).</summary>
    public decimal NetFactor => Find("netFactor")?.Value ?? (Value("baselineFactor") - Value("modeFactor"));

    /// <summary>The reduction of one action, rounded toward zero to the milligram; never negative.</summary>
    public CarbonGrams Quantify(ActionMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return Quantify(measure.Quantity, measure.OwnAverage);
    }

    /// <summary>
    /// The reduction of a <paramref name="quantity"/> (≥ 0, in <see cref="UnitOf"/>), with electricity's
    /// <paramref name="ownAverage"/> when known, rounded toward zero to the milligram; never negative.
    /// </summary>
    public CarbonGrams Quantify(decimal quantity, decimal? ownAverage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        var q = quantity;
        var grams = Formula switch
        {
            MethodologyFormula.Distance => NetFactor * q,
            MethodologyFormula.PerTrip => Value("tripFactor") * 1000m * q,
            MethodologyFormula.Electricity => ElectricitySaved(q, ownAverage) * Value("gridFactor"),
            MethodologyFormula.Steps => Math.Min(q * Value("gramsPerStep"), Find("maxGramsPerDay")?.Value ?? decimal.MaxValue),
            MethodologyFormula.SolarPv => q * Value("gridFactor"),
            MethodologyFormula.PerAction => q * Value("gramsPerAction"),
            _ => throw new InvalidOperationException($"unknown formula {Formula}"),
        };
        return CarbonGrams.RoundToMilligram(grams);
    }

    /// <summary>
    /// kWh saved against the baseline: the city's per-capita daily use; above it, the household's own previous 7-day
    /// average when known (Shenzhen's 2022 residential electricity methodology). <paramref name="ownAverage"/> is the
    /// platform's, from the readings it holds (<see cref="UsageLedger.OwnAverage"/>), never a figure an action declares.
    /// </summary>
    public decimal ElectricitySaved(decimal used, decimal? ownAverage)
    {
        var city = Value("cityBaseline");
        var baseline = used > city && ownAverage is { } own ? own : city;
        return Math.Max(0m, baseline - used);
    }
}
