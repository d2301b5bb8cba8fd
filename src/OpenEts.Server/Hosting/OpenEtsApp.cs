using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenEts.Application.Allocation;
using OpenEts.Application.Auction;
using OpenEts.Application.Audit;
using OpenEts.Application.Cash;
using OpenEts.Application.Compliance;
using OpenEts.Application.Demo;
using OpenEts.Application.DualControl.Calculators;
using OpenEts.Application.DualControl.Cards;
using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.Exchange.MarketData;
using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Journal;
using OpenEts.Application.Mrv;
using OpenEts.Application.Offsets;
using OpenEts.Application.Organisations;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Application.Workbench;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Registry;
using OpenEts.Server.Api;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Storage;

namespace OpenEts.Server.Hosting;

/// <summary>Builds the OpenETS web application: storage, sign-in, pages, API.</summary>
public static class OpenEtsApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Creates the app from command-line arguments: <c>--urls</c> (default 127.0.0.1:5080), <c>--db</c> or
    /// <c>OPENETS_DB</c> (a PostgreSQL connection string, or a SQLite file; default <c>data/openets.db</c>).
    /// Migrates the database and seeds the demo market when it is empty.
    /// </summary>
    public static async Task<WebApplication> CreateAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        args = ServerCommandLine.Normalise(args);
        // appsettings*.json are read once, not watched: the host's watcher of them watches the whole content root and
        // its folders, and so woke on every write to a SQLite database kept there (data/openets.db and its -wal) — a
        // tenth of a trade settlement's CPU went to those notifications (docs/architecture.md, "Programs").
        string[] hostArgs = [.. args, "--hostBuilder:reloadConfigOnChange=false"];
        var builder = PublishedContentRoot.Choose(args, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory(), AppContext.BaseDirectory,
            Directory.Exists) is { } root
            ? WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = root })
            : WebApplication.CreateBuilder(hostArgs);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        // No "Server: Kestrel" banner: it tells an attacker what to look for and tells a user nothing.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        // One line per request at Information is noise in production; the platform's own messages stay at Information.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);
        var named = builder.Configuration["db"] ?? builder.Configuration["OPENETS_DB"] ?? Environment.GetEnvironmentVariable("OPENETS_DB");
        var database = named ?? Path.Combine("data", "openets.db");
        var store = await StartupDatabase.OpenAsync(database, explicitlyNamed: named is not null).ConfigureAwait(false);

        try
        {
            DisplayTime.Configure(builder.Configuration["time-zone"] ?? builder.Configuration["OPENETS_TIME_ZONE"]
            ?? Environment.GetEnvironmentVariable("OPENETS_TIME_ZONE"));
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException(e.Message, e);
        }
        var services = builder.Services;
        BehindProxy.Configure(services, builder.Configuration);
        // The cookie and antiforgery keys live in the database (migrated above, before any request): sign-ins survive
        // a restart, and every server instance on the same database reads the same keys.
        var demoMode = DemoMode.From(builder.Configuration, named is not null);
        var dataProtection = services.AddDataProtection().SetApplicationName("OpenETS");
        services.AddOptions<KeyManagementOptions>().Configure<IStore, TimeProvider>((o, db, clock) =>
            o.XmlRepository = new DatabaseXmlRepository(db, clock));
        // One console logger for the messages of the start (a second one costs its own setup and thread).
        using (var startLog = LoggerFactory.Create(l => l.AddConsole()))
        {
            var startLogger = startLog.CreateLogger("OpenEts");
            JournalSigner? signer;
            try
            {
                signer = SigningKeyFile.Load(builder.Configuration["signing-key"] ?? builder.Configuration["OPENETS_SIGNING_KEY"]
                    ?? Environment.GetEnvironmentVariable("OPENETS_SIGNING_KEY"), StartupDatabase.SqliteFolder(database), startLogger);
            }
            catch (InvalidOperationException e)
            {
                throw new StartupException(e.Message, e);
            }
            services.AddSingleton(_ => new JournalDigests(store, signer));
            var snapshotInterval = SnapshotInterval(builder.Configuration["snapshot-interval"] ?? builder.Configuration["OPENETS_SNAPSHOT_INTERVAL"]);
            services.AddSingleton(sp => new RegistryService(store, signer, sp.GetRequiredService<ILogger<RegistryService>>())
            {
                SnapshotInterval = snapshotInterval,
            });
            ProtectKeyRing(dataProtection, builder.Configuration, demoMode, startLogger);
        }
        services.AddSingleton<IStore>(store);
        services.AddSingleton(store);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IPasswordHashing, PasswordHashing>();
        services.AddSingleton<SignIn>();
        services.AddSingleton<OrganisationService>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<DemoMarket>().AddSingleton<DemoInclusion>();
        services.AddSingleton<DemoRegistry>().AddSingleton<RegistryCommandHandler>()
            .AddSingleton<RegistryQueries>();
        services.AddSingleton<MrvCommandHandler>().AddSingleton<MrvQueries>().AddSingleton<DemoMrv>();
        services.AddSingleton<AllocationCommandHandler>().AddSingleton<AllocationRunHandler>().AddSingleton<AllocationQueries>()
            .AddSingleton<DemoAllocation>();
        services.AddSingleton<OffsetsCommandHandler>().AddSingleton<OffsetsQueries>().AddSingleton<DemoOffsets>();
        // The shipped rule sets are read (JSON) on first use, not while the server starts.
        services.AddSingleton(_ => InclusionProgrammes.Shipped).AddSingleton<InclusionCommandHandler>().AddSingleton<InclusionQueries>()
            .AddSingleton<CitizenSignUpHandler>().AddSingleton<PartnerActionsHandler>().AddInclusionRateLimits();
        var natsUrl = InclusionStreaming.Url(builder.Configuration);
        services.AddInclusionStreaming(natsUrl);
        services.AddInclusionQueue(string.IsNullOrWhiteSpace(natsUrl) && InclusionQueueing.Asked(builder.Configuration));
        if (builder.Configuration.GetValue<bool>(InclusionRetention.Setting))
        {
            services.AddHostedService<InclusionRetention>();
        }
        services.AddSingleton<MonitoringCommandHandler>().AddSingleton<MonitoringQueries>();
        services.AddSingleton(_ => CardRuleSets.Shipped).AddSingleton<CardsCommandHandler>().AddSingleton<CardsQueries>()
            .AddSingleton(_ => new ReductionCheck(DefaultFactors.Library, SccSeries.Shipped));
        services.AddSingleton<EnergyTargetsCommandHandler>().AddSingleton<EnergyTargetsQueries>().AddSingleton<DemoEnergyTargets>();
        services.TryAddSingleton<AllocationQueries>();
        services.AddSingleton(sp => new ComplianceRulebook(sp.GetRequiredService<AllocationQueries>()))
            .AddSingleton<ComplianceHandler>().AddSingleton<ComplianceQueries>();
        services.AddSingleton<CashCommandHandler>().AddSingleton<CashQueries>();
        services.AddSingleton<WorkbenchQueries>();
        services.AddSingleton<IAuctionRulesSource, PlanAuctionRules>().AddSingleton<AuctionService>().AddSingleton<AuctionQueries>()
            .AddSingleton<DemoAuction>();
        services.AddSingleton<MarketStatisticsService>().AddSingleton<MarketDataQueries>().AddSingleton<MarketStream>();
        services.TryAddSingleton<IMarketFeed, NoMarketFeed>();
        // The exchange: its clearing account in the registry (the demo registry's by default), its fee schedule, and how
        // many days ahead a one-way auction may close (Exchange:MaxAuctionDays, default ExchangeOptions.DefaultMaxAuctionDays).
        services.AddSingleton(new ExchangeOptions(
            AccountNumber.From(builder.Configuration["Exchange:ClearingAccount"] ?? DemoRegistry.Clearing.Value), FeeSchedule.Demo,
            builder.Configuration.GetValue<int?>("Exchange:MaxAuctionDays")));
        var exchangeSnapshotInterval = ExchangeSnapshotInterval(
            builder.Configuration["exchange-snapshot-interval"] ?? builder.Configuration["OPENETS_EXCHANGE_SNAPSHOT_INTERVAL"]);
        services.AddSingleton(sp => new ExchangeService(sp.GetRequiredService<IStore>(), sp.GetRequiredService<RegistryService>(),
            sp.GetRequiredService<ExchangeOptions>(), sp.GetRequiredService<ILogger<ExchangeService>>())
        {
            SnapshotInterval = exchangeSnapshotInterval,
        });
        services.AddSingleton<ExchangeQueries>().AddSingleton<DemoExchange>().AddSingleton<DemoForestryTrades>();
        services.AddSingleton<IMarketFeed, ExchangeMarketFeed>();
        services.AddHostedService<LiveMarketData>();
        services.AddSingleton(demoMode);
        services.AddSingleton(TwoFactorRequirement.From(builder.Configuration, demoMode.IsDemo));
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<ISecretProtector, DataProtectionSecrets>();
        services.AddSingleton<TwoFactor>();
        services.AddSingleton<SecondFactorTicket>();
        services.AddSingleton<CreateUserHandler>();
        services.AddSingleton<UserAdminHandler>();
        // First: a journal entry that does not replay makes the server read-only (503 on writes), not stop it.
        services.AddSingleton<ReadOnlyMode>().AddHostedService(sp => sp.GetRequiredService<ReadOnlyMode>());
        // Registered before the others, so stopped after them: the last registry write is in the snapshot.
        services.AddHostedService<SnapshotOnStop<RegistryService>>();
        // Stopped before the registry's, so the registry's snapshot on stop includes this one's journal entry.
        services.AddHostedService<SnapshotOnStop<ExchangeService>>();
        services.AddSingleton<DemoSeeder>();
        services.AddHostedService<DemoSeeding>();
        services.AddHostedService<ProposalExpiry>();
        services.AddHostedService<CardEscalation>();
        services.AddHostedService<DigestSigning>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTitles.Customize);
        ConfigureStrictJson(services);
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddExceptionHandler<ReadOnlyMode>();
        services.AddExceptionHandler<UnexpectedErrorHandler>();
        services.AddOpenApi(ApiDocument.Configure);

        services.AddAuthentication(Schemes.Smart)
            .AddPolicyScheme(Schemes.Smart, "cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? Schemes.Token
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/Account/Login";
                o.AccessDeniedPath = "/Account/Denied";
                o.Cookie.Name = "openets.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // Secure whenever the request came over HTTPS (directly or through a trusted proxy).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
                // Every request: a cookie issued before the user's last sign-out (or password change, …) is refused.
                o.Events.OnValidatePrincipal = CookieStamps.ValidateAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(Schemes.Token, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<Sessions>();
        services.AddSingleton<IAuthorizationHandler, ReadOnlyTokenHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, TokenRefusals>();
        services.AddRazorPages(o => o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()));
        PagesOnFirstUse.Use(services);
        services.AddLocalization();
        // Chinese pages: write CJK text as characters, not as &#x…; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { new CultureInfo("zh-CN"), new CultureInfo("en") };
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // The API answers in the language of Accept-Language; pages follow the language switch's cookie (a browser's
            // Accept-Language would otherwise turn the Chinese pages English on most machines).
            var acceptLanguage = new AcceptLanguageHeaderRequestCultureProvider();
            o.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(ctx => ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? acceptLanguage.DetermineProviderCultureResult(ctx)
                    : Task.FromResult<ProviderCultureResult?>(null)),
                new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider(),
            ];
        });

        var app = builder.Build();
        BehindProxy.Use(app);
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        // A refused API body is read again to name the field at fault (BadRequestHandler), so keep it readable.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                context.Request.EnableBuffering();
                // RFC 9110 §11.6.1: a 401 says how to authenticate; RFC 6750 §3.1: a token that was sent and refused is invalid_token.
                context.Response.OnStarting(() =>
                {
                    if (context.Response.StatusCode == StatusCodes.Status401Unauthorized
                        && !context.Response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.WWWAuthenticate))
                    {
                        context.Response.Headers.WWWAuthenticate = context.Request.Headers.Authorization.ToString()
                            .StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                            ? "Bearer error=\"invalid_token\"" : "Bearer";
                    }
                    return Task.CompletedTask;
                });
            }
            return next(context);
        });
        app.UseStatusCodePages(new StatusCodePagesOptions { HandleAsync = StatusPages.HandleAsync });
        app.UseRequestLocalization();
        app.Use(LabelScope.UseAsync);
        // A file the pages link with its content's hash (asp-append-version: ?v=…) never changes under that address: the
        // browser keeps it for a year without asking again, instead of asking for the style sheet, the scripts and the
        // 1 MB chart library on every page. The same file asked for without its hash is checked as before.
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                if (file.Context.Request.Query.ContainsKey("v"))
                {
                    file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }
            },
        });
        app.Use(ReadOnlyMode.GuardAsync);
        app.UseRouting();
        // A path nothing answers (no page, no API route, no static file) is 404 for everyone: without this the fallback
        // policy would send a visitor who has not signed in to the login page for a page that does not exist.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.UseSameOriginWrites();
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseUploadForms();
        app.UseUnboundValues();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGet("/openapi", () => TypedResults.Redirect("/openapi/v1.json")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/health", () => TypedResults.Ok("ok")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/healthz", HealthAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/lang/{culture}", (string culture, string? returnUrl, HttpContext ctx) =>
        {
            var c = culture == "en" ? "en" : "zh-CN";
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(c)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = ctx.Request.IsHttps });
            // Only a path on this site: "//evil.example/" and "/\\evil.example" are other sites and go home instead.
            return TypedResults.LocalRedirect(IsLocalPath(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapAccountApi();
        app.MapOrganisationApi();
        app.MapAuditApi();
        app.MapRegistryApi();
        app.MapMrvApi();
        app.MapCashApi();
        app.MapAuctionApi();
        app.MapMarketApi();
        app.MapExchangeApi();
        app.MapAllocationApi();
        app.MapOffsetsApi();
        app.MapInclusionApi();
        app.MapEnergyMonitoringApi();
        app.MapEnergyCardsApi();
        app.MapEnergyTargetsApi();
        app.MapJournalApi();
        app.MapUserApi();
        app.MapComplianceApi();
        app.MapRazorPages();
        BuiltOnce.Apply(app);

        return app;
    }

    // The key ring (cookie, antiforgery and TOTP-secret keys) is encrypted with the deployment's certificate when one is
    // given; without one it stays in clear in the database, with a warning (the demo included).
    // --snapshot-interval N: registry journal entries between automatic snapshots (0: none); the registry's default otherwise.
    private static long SnapshotInterval(string? text) =>
        text is null ? RegistryService.DefaultSnapshotInterval
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new StartupException($"--snapshot-interval: '{text}' is not a whole number of journal entries (0 writes none).");

    // --exchange-snapshot-interval N: exchange inputs between automatic snapshots of the books (0: none); the exchange's default otherwise.
    private static long ExchangeSnapshotInterval(string? text) =>
        text is null ? ExchangeService.DefaultSnapshotInterval
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new StartupException($"--exchange-snapshot-interval: '{text}' is not a whole number of exchange inputs (0 writes none).");

    private static void ProtectKeyRing(IDataProtectionBuilder dataProtection, ConfigurationManager configuration, DemoMode demo, ILogger log)
    {
        var path = configuration["key-ring-certificate"] ?? configuration["OPENETS_KEY_RING_CERTIFICATE"]
            ?? Environment.GetEnvironmentVariable("OPENETS_KEY_RING_CERTIFICATE");
        System.Security.Cryptography.X509Certificates.X509Certificate2? certificate;
        try
        {
            certificate = KeyRingCertificate.Load(path, configuration[KeyRingCertificate.PasswordVariable]
                ?? Environment.GetEnvironmentVariable(KeyRingCertificate.PasswordVariable));
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException(e.Message, e);
        }
        if (certificate is null)
        {
            if (demo.IsDemo)
            {
                log.LogWarning("Demo: the data-protection key ring (sign-in cookies, TOTP secrets) is stored in clear in the database.");
            }
            else
            {
                log.LogWarning("The data-protection key ring (sign-in cookies, TOTP secrets) is stored in clear in the database: whoever "
                    + "reads the database or a backup can forge sign-ins. Give --key-ring-certificate PATH (docs/deployment.md).");
            }
            return;
        }
        dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("The data-protection key ring is encrypted with the certificate {Thumbprint}", certificate.Thumbprint);
        }
    }

    // The JSON APIs read bodies strictly, with System.Text.Json's own rules: no unknown or repeated fields, no numbers
    // from strings, no null where the request type says a value, every parameter without a default present. A body
    // that breaks one throws (ThrowOnBadRequest), and BadRequestHandler answers 400 naming the field and the rule.
    private static void ConfigureStrictJson(IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.RespectRequiredConstructorParameters = true;
            // Enum values in camelCase, as the OpenAPI document lists them; read case-insensitively ("Holding" too).
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    // Ready to serve: the database answers a read of the journal's newest entry. A load balancer takes the instance out
    // of rotation on 503.
    // Degraded (200, so that reads stay in rotation) while the journal does not replay and the server is read-only.
    private static async Task<Results<Ok<string>, ProblemHttpResult>> HealthAsync(
        IStore store, RegistryService registry, ReadOnlyMode restore, ILoggerFactory logs, CancellationToken ct)
    {
        try
        {
            // The answer names a journal break, which is known once the start's restore has run.
            await restore.Restored.WaitAsync(ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(), 0, 1), ct).ConfigureAwait(false);
            return registry.Break is { } b
                ? TypedResults.Ok(string.Create(CultureInfo.InvariantCulture,
                    $"degraded: read-only, journal entry {b.Sequence} does not replay ({b.Reason})"))
                : TypedResults.Ok("ok");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException or TimeoutException)
        {
            logs.CreateLogger("OpenEts.Health").LogWarning(e, "Health check: the database did not answer");
            return TypedResults.Problem("The database did not answer.", statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Not ready");
        }
    }

    // A path on this site: one leading slash, not followed by another slash or a backslash, and no control characters.
    private static bool IsLocalPath(string? url) =>
        url is ['/', ..] && (url.Length == 1 || url[1] is not ('/' or '\\')) && !url.Any(char.IsControl);
}
