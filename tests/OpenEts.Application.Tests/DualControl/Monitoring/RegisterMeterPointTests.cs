using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Application.Tests.DualControl.Monitoring;

public sealed class RegisterMeterPointTests
{
    private static RegisterMeterPoint.Form Form(string kind, string? pollutant, string unit = "mg/m³") =>
        new(7, "BJ-SO2", "窑尾烟气 CEMS", kind, unit, "Hourly", null, 100m, "GB 4915-2013", pollutant);

    [Fact]
    public void TryParse_ConcentrationMeterWithItsPollutant_ReadsThePollutantAndTheLimit()
    {
        Assert.True(RegisterMeterPoint.TryParse(Form(nameof(EnergyKind.PollutantConcentration), " SO2 "), out var command, out var errors));

        Assert.Empty(errors);
        Assert.Equal((EnergyKind.PollutantConcentration, "SO2", 100m), (command!.Kind, command.Pollutant, command.DailyLimit!.Value.Value));
    }

    [Theory]
    [InlineData(nameof(EnergyKind.PollutantConcentration))]
    [InlineData(nameof(EnergyKind.PollutantLoad))]
    public void TryParse_PollutantMeterWithoutPollutant_RefusedOnThePollutantField(string kind)
    {
        Assert.False(RegisterMeterPoint.TryParse(Form(kind, null), out _, out var errors));

        Assert.Equal(("pollutant", "Required"), (Assert.Single(errors).Field, errors[0].Rule));
    }

    [Fact]
    public void TryParse_EnergyMeterNamingAPollutant_RefusedAsNotAPollutantMeter()
    {
        Assert.False(RegisterMeterPoint.TryParse(Form(nameof(EnergyKind.Electricity), "SO2", "kWh"), out _, out var errors));

        Assert.Equal(("pollutant", "NotAPollutantMeter"), (Assert.Single(errors).Field, errors[0].Rule));
    }

    [Fact]
    public void TryParse_UnknownKindWithAPollutant_NamesOnlyTheKind()
    {
        Assert.False(RegisterMeterPoint.TryParse(Form("Smoke", "SO2"), out _, out var errors));

        Assert.Equal("kind", Assert.Single(errors).Field);
    }
}
