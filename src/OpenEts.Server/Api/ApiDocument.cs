using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OpenEts.Application.Registry;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Api;

/// <summary>
/// The conventions that make <c>/openapi/v1.json</c> a document a generated client can rely on. They apply to every
/// endpoint, so a module added later gets them without writing any OpenAPI by hand:
/// <list type="bullet">
/// <item>every refusal (400, 401, 403, 404, 409, 503) is declared with the one <c>Problem</c> schema, which describes
/// what <see cref="Problems"/>, the refusals and ASP.NET Core's problem details actually send;</item>
/// <item>every operation has an <c>operationId</c> made from its method and path, and its security (cookie or bearer
/// token; none where anonymous);</item>
/// <item>schema names are unique: a type nested in <c>XEndpoints</c> is named <c>X…</c>, and two types that would still
/// share a name stop the document (a test reads it);</item>
/// <item>paging parameters are typed (<c>skip</c>, <c>take</c> integers with their limits, <c>since</c>/<c>until</c>
/// date-times) and an operation that pages declares <c>X-Total-Count</c>;</item>
/// <item>enum values are camelCase everywhere (<see cref="ApiEnumAttribute"/> for string properties, a
/// <c>JsonStringEnumConverter</c> for enum-typed ones); input is read case-insensitively;</item>
/// <item>an export's path ending (<c>.xlsx</c>, <c>.csv</c>) declares its media type.</item>
/// </list>
/// </summary>
internal static partial class ApiDocument
{
    public const string ProblemSchema = "Problem";

    public const string CookieScheme = "cookie";

    public const string BearerScheme = "bearer";

    private const string ProblemJson = "application/problem+json";

    private static readonly ConcurrentDictionary<string, Type> SchemaIds = new(StringComparer.Ordinal);

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.CreateSchemaReferenceId = SchemaId;
        options.AddSchemaTransformer(TransformSchemaAsync);
        options.AddOperationTransformer(TransformOperationAsync);
        options.AddDocumentTransformer(TransformDocumentAsync);
    }

    /// <summary>The camelCase name of an enum value, as the API writes it.</summary>
    public static string EnumName<TEnum>(TEnum value) where TEnum : struct, Enum =>
        EnumNames<TEnum>.Names.TryGetValue(value, out var name) ? name : JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    // Each defined value's name, made once: an answer names an enum for every order or action it lists.
    private static class EnumNames<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> Names =
            Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));
    }

    // "HistoryView" nested in RegistryEndpoints is "RegistryHistoryView"; in OrganisationEndpoints "OrganisationHistoryView".
    // Two different types with one name stop the document rather than let one silently replace the other.
    private static string? SchemaId(JsonTypeInfo info)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        if (id is null)
        {
            return null;
        }
        var type = info.Type;
        if (type.IsNested && !type.IsGenericType && type.DeclaringType is { } outer)
        {
            var module = outer.Name.EndsWith("Endpoints", StringComparison.Ordinal) ? outer.Name[..^"Endpoints".Length] : outer.Name;
            if (!id.StartsWith(module, StringComparison.Ordinal))
            {
                id = module + id;
            }
        }
        var owner = SchemaIds.GetOrAdd(id, type);
        if (owner != type)
        {
            throw new InvalidOperationException(
                $"OpenAPI schema name '{id}' would name both {owner.FullName} and {type.FullName}: rename one of them");
        }
        return id;
    }

    private static Task TransformSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type.IsEnum && schema.Enum is { Count: > 0 })
        {
            schema.Type ??= JsonSchemaType.String;
        }
        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(ApiEnumAttribute), false) is [ApiEnumAttribute values, ..])
        {
            schema.Enum = [.. values.Names.Select(n => (JsonNode)JsonValue.Create(n))];
        }
        return Task.CompletedTask;
    }

    private static Task TransformOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken ct)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = (description.HttpMethod ?? "GET").ToUpperInvariant();
        var path = "/" + (description.RelativePath ?? "");
        var write = method is not ("GET" or "HEAD");
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var roles = metadata.OfType<IAuthorizeData>().Select(a => a.Roles).OfType<string>().ToList();

        operation.OperationId ??= OperationId(method, path);
        TypeParameters(operation);
        Security(operation, context.Document, anonymous);
        var responses = operation.Responses ??= [];
        ExportMediaType(responses, path);
        if (operation.Parameters?.Any(p => p.Name == "take") == true)
        {
            TotalCountHeader(responses);
        }

        if (operation.Parameters is { Count: > 0 } || operation.RequestBody is not null)
        {
            Refusal(responses, 400, "Bad Request: a field is missing or malformed (field, rule; rules lists each)");
        }
        if (!anonymous)
        {
            var unauthorised = Refusal(responses, 401, "Not signed in, or the token is invalid, expired or revoked");
            unauthorised.Headers ??= new Dictionary<string, IOpenApiHeader>();
            unauthorised.Headers["WWW-Authenticate"] = new OpenApiHeader
            {
                Description = "Bearer: send a token as 'Authorization: Bearer <token>' (or sign in for a cookie)",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
            if (write || roles.Any(r => r != Access.Everyone))
            {
                Refusal(responses, 403, "Forbidden: the role, the account, or a read-only token does not allow this (field, rule)");
            }
        }
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path))
        {
            Refusal(responses, 404, "Not found");
        }
        if (write && !anonymous)
        {
            Refusal(responses, 409, "Refused by a rule of the platform (field, rule), e.g. OwnApproval, UnknownAccount");
            Refusal(responses, 503, "Read-only: the journal does not replay (detail names the entry); writes resume once it is repaired");
        }
        foreach (var (status, response) in responses)
        {
            if (status.Length == 3 && status[0] is '4' or '5' && response is OpenApiResponse r)
            {
                ProblemContent(r, context.Document);
            }
        }
        return Task.CompletedTask;
    }

    // GET /api/v1/registry/accounts/{account}/holdings.xlsx → getRegistryAccountsByAccountHoldingsXlsx.
    internal static string OperationId(string method, string path)
    {
        var name = new System.Text.StringBuilder(method.ToLowerInvariant());
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var start = segments is ["api", ['v', ..], ..] ? 2 : 0;
        foreach (var segment in segments.Skip(start))
        {
            if (segment.StartsWith('{'))
            {
                var parameter = segment.Trim('{', '}').Split(':', '?', '=')[0];
                name.Append("By").Append(Pascal(parameter));
                continue;
            }
            foreach (var word in segment.Split('-', '.', '_'))
            {
                name.Append(Pascal(word));
            }
        }
        return name.ToString();
    }

    private static string Pascal(string word) => word.Length == 0 ? "" : char.ToUpperInvariant(word[0]) + word[1..];

    // Paging and time filters by name: the same limits wherever an operation pages (RegistryHistoryFilter's).
    private static void TypeParameters(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In != ParameterLocation.Query)
            {
                continue;
            }
            parameter.Schema = parameter.Name switch
            {
                "skip" => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Default = 0 },
                "take" => new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1",
                    Maximum = RegistryHistoryFilter.MaxTake.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Default = RegistryHistoryFilter.DefaultTake,
                },
                "since" or "until" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                _ => parameter.Schema,
            };
            parameter.Description ??= parameter.Name switch
            {
                "skip" => "Rows to skip before the page (default 0)",
                "take" => $"Rows in the page: 1–{RegistryHistoryFilter.MaxTake}, default {RegistryHistoryFilter.DefaultTake}",
                "since" => "Only rows at or after this moment (ISO 8601; a date alone means its midnight UTC)",
                "until" => "Only rows before this moment (ISO 8601; a date alone means its midnight UTC)",
                _ => null,
            };
        }
    }

    private static void Security(OpenApiOperation operation, OpenApiDocument? document, bool anonymous)
    {
        operation.Security = anonymous
            ? []
            :
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            ];
    }

    private static void ExportMediaType(OpenApiResponses responses, string path)
    {
        var mediaType = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? Application.Files.TabularWriter.XlsxContentType
            : path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "text/csv"
            : null;
        if (mediaType is null)
        {
            return;
        }
        if (!responses.TryGetValue("200", out var found) || found is not OpenApiResponse ok)
        {
            ok = new OpenApiResponse { Description = "OK" };
            responses["200"] = ok;
        }
        ok.Content = new Dictionary<string, OpenApiMediaType>
        {
            [mediaType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
        };
    }

    private static void TotalCountHeader(OpenApiResponses responses)
    {
        if (responses.TryGetValue("200", out var found) && found is OpenApiResponse ok)
        {
            ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
            ok.Headers["X-Total-Count"] = new OpenApiHeader
            {
                Description = "How many rows match the filters before paging",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            };
        }
    }

    private static OpenApiResponse Refusal(OpenApiResponses responses, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (responses.TryGetValue(key, out var found) && found is OpenApiResponse existing)
        {
            existing.Description = description;
            return existing;
        }
        var response = new OpenApiResponse { Description = description };
        responses[key] = response;
        return response;
    }

    private static void ProblemContent(OpenApiResponse response, OpenApiDocument? document) =>
        response.Content = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemJson] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
        };
}
