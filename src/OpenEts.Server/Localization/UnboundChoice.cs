namespace OpenEts.Server.Localization;

/// <summary>
/// A field that takes one of a list of names (an enum in a page's address, <c>?kind=</c>): a value the binder could not
/// read is reported as not one of <see cref="Values"/> (<c>UnknownValue</c>), not as "not a number".
/// </summary>
internal sealed record UnboundChoice(string Field, IReadOnlyList<string> Values)
{
    /// <summary>The names of <typeparamref name="TEnum"/>, as the page's options send them.</summary>
    public static UnboundChoice Of<TEnum>(string field) where TEnum : struct, Enum => new(field, Enum.GetNames<TEnum>());
}
