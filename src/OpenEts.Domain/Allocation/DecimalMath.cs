namespace OpenEts.Domain.Allocation;

/// <summary>Decimal powers for correction formulas (1.015^(16 − 20F)): exact for integer exponents, series otherwise.</summary>
internal static class DecimalMath
{
    /// <summary>b^y for b &gt; 0: exact repeated multiplication for the integer part, exp(frac × ln b) for the rest (28 digits).</summary>
    public static decimal Power(decimal b, decimal y)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(b);
        var whole = decimal.Truncate(y);
        var result = 1m;
        var n = (long)decimal.Abs(whole);
        for (long i = 0; i < n; i++)
        {
            result *= b;
        }
        if (whole < 0)
        {
            result = 1m / result;
        }
        var frac = y - whole;
        return frac == 0 ? result : result * Exp(frac * Ln(b));
    }

    // ln b for b near 1 by atanh: ln b = 2 Σ z^(2k+1)/(2k+1), z = (b−1)/(b+1).
    private static decimal Ln(decimal b)
    {
        var z = (b - 1m) / (b + 1m);
        var z2 = z * z;
        var term = z;
        var sum = 0m;
        for (var k = 1; k < 200 && term != 0; k += 2)
        {
            sum += term / k;
            term *= z2;
        }
        return 2m * sum;
    }

    private static decimal Exp(decimal x)
    {
        var sum = 1m;
        var term = 1m;
        for (var k = 1; k < 60; k++)
        {
            term = term * x / k;
            if (term == 0)
            {
                break;
            }
            sum += term;
        }
        return sum;
    }
}
