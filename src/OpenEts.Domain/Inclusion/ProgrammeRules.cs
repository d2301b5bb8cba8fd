namespace OpenEts.Domain.Inclusion;

/// <summary>The rules a programme's data keeps (<see cref="InclusionProgramme.Check"/>), with paths as in the programme file.</summary>
public static class ProgrammeRules
{
    /// <summary>Every broken rule of <paramref name="p"/>, by path.</summary>
    public static IReadOnlyList<ProgrammeProblem> Check(InclusionProgramme p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var problems = new List<ProgrammeProblem>();
        void Fail(string path, string rule, string message) => problems.Add(new ProgrammeProblem(path, rule, message));
        if (!IsCode(p.Code))
        {
            Fail("$.code", "Code", "a code is lower-case letters, digits and hyphens");
        }
        if (!IsCode(p.Version))
        {
            Fail("$.version", "Code", "a version is lower-case letters, digits and hyphens");
        }
        if (p.Behaviours.Count == 0)
        {
            Fail("$.behaviours", "Required", "a programme rewards at least one behaviour");
        }
        for (var i = 0; i < p.Behaviours.Count; i++)
        {
            var b = p.Behaviours[i];
            var path = $"$.behaviours[{i}]";
            if (p.Behaviours.Take(i).Any(o => o.Behaviour == b.Behaviour))
            {
                Fail(path + ".behaviour", "Duplicate", $"{Behaviours.CodeOf(b.Behaviour)} is rewarded twice");
            }
            CheckMethodology(b.Methodology, path + ".methodology", Fail);
            CheckCoins(b.Coins, path + ".coins", Fail);
        }
        for (var i = 0; i < p.Caps.Count; i++)
        {
            var c = p.Caps[i];
            if (c.MaxActions is null && c.MaxCoins is null)
            {
                Fail($"$.caps[{i}]", "CapLimit", "a cap limits maxActions, maxCoins or both");
            }
            if (c.MaxActions is < 1)
            {
                Fail($"$.caps[{i}].maxActions", "Positive", "maxActions is at least 1");
            }
            if (c.MaxCoins is < 0)
            {
                Fail($"$.caps[{i}].maxCoins", "NotNegative", "maxCoins is not negative");
            }
            if (c.Behaviour is { } cb && p.Find(cb) is null)
            {
                Fail($"$.caps[{i}].behaviour", "UnknownBehaviour", $"{Behaviours.CodeOf(cb)} is not rewarded by this programme");
            }
        }
        if (p.Timing.AvailableAfterDays is < 0 or > 366)
        {
            Fail("$.timing.availableAfterDays", "Range", "availableAfterDays is 0–366");
        }
        if (p.Timing.ExpiryDays is < 1 or > 3660)
        {
            Fail("$.timing.expiryDays", "Range", "expiryDays is 1–3660, or absent for never");
        }
        for (var i = 0; i < p.Catalogue.Count; i++)
        {
            var item = p.Catalogue[i];
            if (!IsCode(item.Code))
            {
                Fail($"$.catalogue[{i}].code", "Code", "a code is lower-case letters, digits and hyphens");
            }
            if (item.Coins < 1)
            {
                Fail($"$.catalogue[{i}].coins", "Positive", "a price is at least 1 coin");
            }
            if (p.Catalogue.Take(i).Any(o => o.Code == item.Code))
            {
                Fail($"$.catalogue[{i}].code", "Duplicate", $"{item.Code} is listed twice");
            }
        }
        for (var i = 0; i < p.Causes.Count; i++)
        {
            if (!IsCode(p.Causes[i].Code))
            {
                Fail($"$.causes[{i}].code", "Code", "a code is lower-case letters, digits and hyphens");
            }
            if (p.Causes.Take(i).Any(o => o.Code == p.Causes[i].Code))
            {
                Fail($"$.causes[{i}].code", "Duplicate", $"{p.Causes[i].Code} is listed twice");
            }
        }
        if (p.PublicMinimum.Citizens is < 1 or > MinimumGroup.MaxCitizens)
        {
            Fail("$.publicStatistics.minimumCitizens", "Range", "minimumCitizens is 1–1000");
        }
        if (p.Settlement is { } value && !CoinValue.IsValid(value.YuanPerCoin))
        {
            Fail("$.settlement.yuanPerCoin", "Range", $"yuanPerCoin is more than 0 and at most {CoinValue.MaxYuanPerCoin}, to the fen (2 decimals)");
        }
        return problems;
    }

    private static void CheckMethodology(InclusionMethodology m, string path, Action<string, string, string> fail)
    {
        if (!IsCode(m.Code.ToLowerInvariant()) || !IsCode(m.Version.ToLowerInvariant()))
        {
            fail(path + ".code", "Code", "a methodology code and version are letters, digits and hyphens");
        }
        foreach (var group in InclusionMethodology.Required(m.Formula))
        {
            var satisfied = group.Split('|').Any(alt => alt.Split('+').All(name => m.Find(name) is not null));
            if (!satisfied)
            {
                fail(path + ".parameters", "MissingParameter", $"formula {m.Formula} needs {group.Replace("|", " or ", StringComparison.Ordinal)}");
            }
        }
        for (var i = 0; i < m.Parameters.Count; i++)
        {
            var p = m.Parameters[i];
            if (p.Value < 0)
            {
                fail($"{path}.parameters[{i}].value", "NotNegative", $"{p.Name} is not negative");
            }
            if (string.IsNullOrWhiteSpace(p.Source))
            {
                fail($"{path}.parameters[{i}].source", "SourceRequired", $"{p.Name} names its source");
            }
        }
        if (m.Formula == MethodologyFormula.Distance && m.Find("netFactor") is null && m.Find("baselineFactor") is { } b
            && m.Find("modeFactor") is { } mode && mode.Value > b.Value)
        {
            fail(path + ".parameters", "BaselineBelowMode", "baselineFactor is at least modeFactor");
        }
    }

    private static void CheckCoins(CoinRule c, string path, Action<string, string, string> fail)
    {
        if (c.Coins < 1)
        {
            fail(path + ".coins", "Positive", "a coin rule gives at least 1 coin");
        }
        if (c.Kind != CoinRuleKind.PerAction && c.Per <= 0)
        {
            fail(path + ".per", "Positive", $"a {c.Kind} rule states per > 0");
        }
        if (string.IsNullOrWhiteSpace(c.Source))
        {
            fail(path + ".source", "SourceRequired", "a coin rule names its source");
        }
    }

    private static bool IsCode(string text) =>
        text.Length is > 0 and <= 64 && text.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
