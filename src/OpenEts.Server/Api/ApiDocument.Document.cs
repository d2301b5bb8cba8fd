using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenEts.Server.Api;

// The document as a whole: what it covers (one line per module, from the tags its operations use), the licence, a
// relative server, the two ways to authenticate, and the one problem schema every refusal uses.
internal static partial class ApiDocument
{
    /// <summary>
    /// What each module (an operation tag) is for. A tag without a line here fails <c>ApiDocumentTests</c>: a new module
    /// says what it is before it ships.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> Modules = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Account"] = "The signed-in user, signing out everywhere, and API tokens (read-only or read-write, with an expiry).",
        ["Users"] = "User accounts for the regulator: create, roles and organisation, disable and enable, reset passwords.",
        ["Organisations"] = "The covered-entity list (纳入企业名单): search, edit, .xlsx/.csv import and export, change history.",
        ["Registry"] = "The carbon registry (注册登记): accounts, holdings with serial blocks, history and exports, four-eyes "
            + "transfers (propose, then a second representative approves), surrender, cancellation, issuance, allocation, "
            + "corrections, account administration, and verification against the journal.",
        ["MRV"] = "Monitoring, reporting and verification (MRV): emissions reports, their figures and their verification.",
        ["Compliance"] = "The compliance cycle (履约): the public yearly list of each entity's obligation, surrendered units and "
            + "status, its .xlsx export, the regulator's overview with penalties, a company's own standing, and surrender for "
            + "compliance, refused with the rule named before any unit moves.",
        ["Exchange"] = "The exchange (交易): public instruments, trade prints and depth; orders that reserve cash or units and trade "
            + "through the matching engine, each trade settled delivery versus payment in the registry and the cash ledger at once; "
            + "cancels; a trader's orders, trades and position; listing, trading accounts, halt and resume for the exchange's staff.",
        ["Cash"] = "Members' cash accounts (资金): statements, every account's balance (they sum to zero), deposits and withdrawals.",
        ["Auctions"] = "Allowance auctions (有偿发放): public announcements and results, sealed bids that hold cash, clearing and settlement.",
        ["Allocation"] = "Allocation plans (配额分配方案) as versioned JSON documents with a published schema, every figure with its "
            + "source and [UNCONFIRMED] flag; approval, pre-allocation and the true-up (多退少补) through the registry; each entity's "
            + "allocation with its calculation; the what-if.",
        ["Audit"] = "The journal as an audit log: every change, who made it and when, with its hash chain.",
        ["Offsets"] = "Offset projects (抵销项目: CCER, FFCER, PHCER): the public register, project facts for compliance, and each "
            + "step from filing through validation, registration, monitoring and verification to issuance into the registry.",
        ["Inclusion"] = "Carbon inclusion (碳普惠): programmes as versioned data with every methodology parameter's source and flag; citizens' "
            + "actions recorded in idempotent batches, quantified, rewarded with coins within caps and redeemed; periods aggregated into PHCER.",
        ["Market"] = "Market data (行情), public: per instrument the ticker, K-lines (1 minute, 1 day, in Beijing trading days) and "
            + "the top 5 levels of the book; the published cumulative statistics per market (volume t, turnover 10⁴ yuan, average "
            + "yuan/t) with their consistency flags and .xlsx export; the statistics import for the regulator and the exchange operator.",
        ["EnergyCards"] = "Polluter red/yellow cards (环保红黄牌) and reduction calculators: card rules per jurisdiction as data with every "
            + "number's source; violations with evidence proposing cards, confirmation, lifting, yellow-to-red escalation, quarterly lists "
            + "with 挂牌督办 and .xlsx; public calculators that recompute a claimed reduction, flag a claim that does not follow, and monetise it.",
        ["EnergyTargets"] = "Energy dual control (能耗双控): five-year plans split province → cities → key energy users as versioned data, "
            + "regional statistics (all rows or none), key users and their annual reports, the public barometer (晴雨表) of any round (red, yellow, "
            + "green against the linear path), annual assessments with the intensity veto, and the accountability list with .xlsx.",
        ["Journal"] = "Signed digests of the journal's head, public, so that anyone can keep one and detect a rewrite later.",
        ["EnergyMonitoring"] = "Online energy monitoring of key energy users (重点用能单位能耗在线监测): units and meter points registered by the "
            + "regulator; readings from the access systems in idempotent, all-or-nothing batches (a company for its own meters); faults, repairs, "
            + "calibrations; data quality per unit and region (completeness under 90 % flagged, daily vs monthly 5 %, timestamps, repairs).",
    };

    private const string Overview =
        "OpenETS, a carbon emissions trading platform. Sign in on the web pages (a cookie) or send "
        + "'Authorization: Bearer <token>' with a token from the API tokens page.\n\n"
        + "Conventions: JSON bodies are read strictly (unknown or repeated fields, numbers as strings and missing required "
        + "fields are refused). Enum values are written in camelCase and read case-insensitively. Every refusal is "
        + "application/problem+json (schema Problem): 'field' and 'rule' name the first failure in language-neutral codes, "
        + "'rules' lists each, 'title' and 'detail' follow Accept-Language (zh-CN by default). Writes take an "
        + "'idempotencyKey', scoped to the caller: a repeat with the same body answers the first result again "
        + "('duplicate': true). While the journal does not replay, the server is read-only and every write answers 503.";

    private static Task TransformDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context,
        CancellationToken ct)
    {
        document.Servers = [new OpenApiServer { Url = "/", Description = "This server (paths are relative to it)" }];
        var used = document.Paths.Values.SelectMany(p => p.Operations is { } o ? o.Values : Enumerable.Empty<OpenApiOperation>())
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        document.Info = new OpenApiInfo
        {
            Title = "OpenETS API",
            Version = "v1",
            Description = Overview + "\n\nModules:\n" + string.Join("\n", used.Select(t =>
                $"- {t}: {(Modules.TryGetValue(t, out var what) ? what : "(not described)")}")),
            License = new OpenApiLicense
            {
                Name = "No licence granted yet: all rights reserved by the OpenETS authors",
                Url = new Uri("https://spdx.org/licenses/"),
            },
        };
        document.Tags = new HashSet<OpenApiTag>(used.Select(t => new OpenApiTag
        {
            Name = t, Description = Modules.TryGetValue(t, out var what) ? what : null,
        }));
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "openets.auth",
                Description = "The session cookie of a sign-in on the web pages; writes must come from the same origin",
            },
            [BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer",
                Description = "An API token from the API tokens page (read-only tokens may only GET)",
            },
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        document.Components.Schemas[ProblemSchema] = Problem(document);
        document.Components.Schemas[ProblemSchema + "Rule"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One failed rule: the field, the rule's code and a message in the request's language",
            Required = new HashSet<string> { "field", "rule", "message" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["field"] = Text("The field at fault (camelCase, as in the request)"),
                ["rule"] = Text("The rule's code, language-neutral (e.g. OwnApproval, NotRepresentative, Json.Missing)"),
                ["message"] = Text("What is wrong, in the request's language"),
            },
        };
        document.Components.Schemas[ProblemSchema + "Row"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One failure in an uploaded file: its row (0: the file as a whole) and column",
            Required = new HashSet<string> { "row", "column", "field", "rule", "message" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["row"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["column"] = Text("The column's letter, or empty"),
                ["field"] = Text("The field the column holds"),
                ["rule"] = Text("The rule's code"),
                ["message"] = Text("What is wrong, in the request's language"),
            },
        };
        return Task.CompletedTask;
    }

    // RFC 9457 problem details as the server sends them: ASP.NET Core's (type, title, status, detail, instance, traceId)
    // with what Problems.cs and the refusals add.
    private static OpenApiSchema Problem(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "application/problem+json (RFC 9457). 'field' and 'rule' name the first failure; 'rules' lists each.",
        Required = new HashSet<string> { "title", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI for the kind of problem"),
            ["title"] = Text("A short summary, in the request's language"),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status" },
            ["detail"] = Text("What happened, in the request's language (for 503: names the journal entry that does not replay)"),
            ["instance"] = Text("The request's path"),
            ["field"] = Text("The field at fault (first failure)"),
            ["rule"] = Text("The rule's code (first failure), language-neutral"),
            ["rules"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(ProblemSchema + "Rule", document),
                Description = "Each failed rule (400)",
            },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object, Description = "Messages by field, or by 'row N column X' for a file (400)",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text(null) },
            },
            ["rows"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(ProblemSchema + "Row", document),
                Description = "Each failure in an uploaded file (first 100)",
            },
            ["moreErrors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32", Description = "Failures in a file beyond those in 'rows'",
            },
            ["entry"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int64", Description = "503: the journal entry that does not replay",
            },
            ["traceId"] = Text("The request's trace id, for the server's log"),
        },
    };

    private static OpenApiSchema Text(string? description) => new() { Type = JsonSchemaType.String, Description = description };
}
