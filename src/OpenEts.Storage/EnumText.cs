namespace OpenEts.Storage;

/// <summary>
/// An enum value's name as stored (its C# name), made once per value: <c>value.ToString()</c> boxes the value on every
/// call, and the hot rows name enums (an order its side, type and status; an inclusion row its behaviour).
/// </summary>
internal static class EnumText<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names = Enum.GetValues<TEnum>().Distinct().ToDictionary(v => v, v => v.ToString());

    public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : value.ToString();
}
