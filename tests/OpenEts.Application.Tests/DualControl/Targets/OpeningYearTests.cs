using OpenEts.Application.DualControl.Targets;

namespace OpenEts.Application.Tests.DualControl.Targets;

// The year the key users' pages open on: the last full year, unless the plans stop before it.
public sealed class OpeningYearTests
{
    [Theory]
    // 2026, the 十四五 plan (2021–2025) ended and no successor adopted: 2025, whose budgets and reports exist.
    [InlineData(2026, new[] { 2021 }, new[] { 2025 }, 2025)]
    [InlineData(2025, new[] { 2021 }, new[] { 2025 }, 2025)]
    [InlineData(2023, new[] { 2021 }, new[] { 2025 }, 2023)]
    // The successor (2026–2030) adopted: 2026.
    [InlineData(2026, new[] { 2021, 2026 }, new[] { 2025, 2030 }, 2026)]
    // No plan yet, or only one that starts later: the last full year itself.
    [InlineData(2026, new int[0], new int[0], 2026)]
    [InlineData(2020, new[] { 2021 }, new[] { 2025 }, 2020)]
    public void OpeningYear_IsTheLastFullYearThePlansCover(int lastFullYear, int[] firstYears, int[] lastYears, int expected) =>
        Assert.Equal(expected, EnergyTargetsQueries.OpeningYear(lastFullYear, firstYears.Zip(lastYears)));
}
