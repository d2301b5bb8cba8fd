using System.Text.Json;

namespace OpenEts.Server.Api;

/// <summary>
/// Declares a string property's values in the OpenAPI document: the camelCase names of <paramref name="enumType"/>'s
/// values, as the API writes them (<see cref="ApiDocument.EnumName{TEnum}"/>). Put it on the property
/// (<c>[property: ApiEnum(typeof(AccountKind))]</c> in a positional record). The API reads the values case-insensitively.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
internal sealed class ApiEnumAttribute(Type enumType, params string[] except) : Attribute
{
    public Type EnumType { get; } = enumType;

    public IReadOnlyList<string> Names { get; } =
        [.. Enum.GetNames(enumType).Where(n => !except.Contains(n, StringComparer.Ordinal) && !NeverWritten(enumType, n))
            .Select(JsonNamingPolicy.CamelCase.ConvertName)];

    // A data partner's role is never a user's, so no request or answer carries it.
    private static bool NeverWritten(Type enumType, string name) =>
        enumType == typeof(Domain.Identity.Role) && name == nameof(Domain.Identity.Role.DataPartner);
}
