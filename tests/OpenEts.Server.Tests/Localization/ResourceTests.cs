using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Server.Localization;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Localization;

/// <summary>The two languages stay in step, every text the code asks for exists, and the API speaks Accept-Language.</summary>
public sealed partial class ResourceTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static readonly CultureInfo Chinese = CultureInfo.InvariantCulture;
    private static readonly CultureInfo English = new("en");

    // Rule codes the use cases, the JSON reader and the import produce (besides RegistryRejection and CreditCodeError).
    private static readonly string[] RuleCodes =
    [
        "UnitCode", "Tce", "Output", "Points", "MeasureEvidence", "DuplicateArea", "PlanYears", "PlanPercent", "Percent", "Pollutant", "NoRoot", "RootHasParent", "DuplicateUnit", "UnknownParent", "YearBudgetMissing", "YearOutsidePlan", "RetainedOverBudget", "SplitCycle", "SplitMismatch", "IncreaseOverCap", "UnknownRegion", "DuplicateRow", "UnitInAnotherPlan", "RowCount", "UnknownKeyUser", "NotYourKeyUser", "KeyUserMismatch", "NoYearData", "NoUnitTarget", "Year", "NotAPollutantMeter", "SchemeKind", "PeriodNotOver",
        "AccountNumber", "UnitClass", "Quantity", "IdempotencyKey", "Required", "AccountKind", "UserName", "UnknownUser", "NotARepresentativeRole",
        "UserNameFormat", "CodeAlreadyListed", "NotUtf8", "SourceRequired",
        "ProposalId", "QuantityOrSerials", "SerialBlock", "DateTime", "UntilAfterSince", "NonNegativeWholeNumber",
        "PageSize", "Length", "UnknownValue", "ForbiddenCharacter", "Duplicate", "DuplicateKey", "Range", "Empty",
        "MissingColumn", "Unreadable", "Json.Syntax", "Json.Null", "Json.Type", "Json.UnknownField", "Json.DuplicateKey",
        "Json.Required", "Json.ArrayForText", "Json.TooLarge", "NumberTooLarge", "NumberGrouping", "TooLarge", "EmissionsTooLarge", "FormulaWithoutValue", "SectorMismatch", "YearMismatch", "WholeNumber", "RequiredWith", "ForestryComputed", "NoSuchDate", "Role", "FileTooLarge", "SheetTooLarge", "TooManyRows", "Csrf", "FormContentType",
        // MRV: the workflow's rules and the calculator's findings.
        "NotACompany", "SectorMismatch", "ReportStatus", "EmptyReport", "UnknownOrganisation", "ConflictOfInterest", "NotAVerifier",
        "UnknownLine", "WarningNotAcknowledged", "UnknownWarning", "NotHolder", "NotInMonitoringPlan", "DuplicateLine",
        "NegativeAmount", "UnknownMaterial", "WrongUnit", "BadNumber", "MissingAmount", "MissingEvidence", "MissingRule", "MissingMaterial",
        "MissingUnit", "MissingDetail", "BadFraction", "MissingKind", "UnknownKind", "UnknownSector", "BadYear", "UnknownMethod", "NoGridFactor", "UnsupportedSource", "OutsideBoundary", "GridFactorOfAnotherYear", "MeasurementNotApplicable",
        "IntensityOutOfRange", "NoOutput", "LargeChange", "FactorVersionExists", "UnknownFuel", "UnknownOutput",
        "PasswordTooShort", "PasswordTooLong", "PasswordCommon", "PasswordIsUserName", "PasswordMismatch", "WrongPassword",
        "DuplicateUserName", "OrganisationKind", "OrganisationRequired", "OrganisationNotAllowed",
        "DisplayName", "SelfLockout", "SessionRequiredForPassword", "PasswordChangeRequired", "TwoFactorRequired",
        "TwoFactorCode", "TwoFactorNotEnabled", "TwoFactorEnrolmentRequired",
        // Carbon inclusion.
        "DuplicateEvent", "FromTheFuture", "TooOld", "ImpossibleQuantity", "ImpossibleSpeed", "NotYourself", "UnknownCitizen",
        "ProgrammeNotInForce", "NotRewarded", "ActionCap", "UnknownItem", "InsufficientCoins", "NoPhcerProject", "PeriodAggregated",
        "NoConsent", "ConsentRequired", "ConsentOutdated", "Nickname", "Contact", "AccountErased", "ConfirmMismatch",
        "NotAMerchant", "UnknownCode", "CodeUsed", "NotAccepted", "UnknownCause", "MerchantListed", "PartnerKey", "OutOfScope", "UnknownPartner",
        "KeyRevoked", "RedemptionCode", "RateLimited",
        "NothingToAggregate", "BatchSize", "Time",
        "QuantityRange", "InAggregatedPeriod", "CoinCap", "NoProfile", "ReadingOutOfOrder", "PeriodTooLong",
        // The verifier's sample of an aggregation.
        "SampleNotChecked", "SampleNotDrawn", "SampleOtherVerifier", "SampleIncomplete", "SampleVerified", "NoEventsToSample",
        "UnknownAggregation", "UnknownSampledEvent", "ReasonRequired", "SampleFinding", "NoAggregationOfReport",
        // An allocation page's address naming no entity the reader may see.
        "NoAllocation", "NoOwnAllocation",
        // A value not among a choice's (Forms/FieldReader.Choice names the rule by its type).
        "CircumstanceKind", "ViolationKind", "Decision", "EnergyKind", "MeterCadence", "UnitKind", "DocumentKind", "AuctionPricing", "Side", "OrderType",
        // Offsets in the registry.
        "BufferShare", "ProjectCategory",
        // Polluter cards.
        "NotExceeded", "FutureDate", "UnknownCard", "CardNotProposed", "CardNotInForce", "QuarterNotOver", "ListPublished", "Quarter", "NoCardRules",
        // Compliance: the year's rules (Domain/Compliance/ComplianceRule).
        "Compliance.NoRules", "Compliance.NoApprovedEmissions", "Compliance.ExceedsObligation", "Compliance.AllowanceJurisdiction",
        "Compliance.AllowanceVintage", "Compliance.ProgrammeNotAccepted", "Compliance.AttributesUnknown", "Compliance.ExcludedCategory",
        "Compliance.PreCdm", "Compliance.ExcludedHostProvince", "Compliance.FossilFuelEnergy", "Compliance.Co2Ch4Share",
        "Compliance.ProjectFactUnknown", "Compliance.OwnBoundary", "Compliance.OffsetCap", "Compliance.InProvinceShare",
        "Compliance.ProvinceCap", "Compliance.InProvinceFirst",
        // Cash ledger and auctions.
        "Amount", "CreditCode", "Reference", "Month", "NoAuctionRules", "ReservePrice", "KeyReused", "InsufficientFunds", "ReferenceReused", "ReservationClosed",
        "ExceedsReservation", "SameAccount", "NoOrganisation", "AuctionNotOpen", "NotRepresentative", "BelowMinimumBid", "BelowReservePrice",
        "BidderLimitExceeded", "BiddingNotOver", "DeliveryRefused",
        // The exchange (Domain/Exchange/ExchangeRule and the order forms).
        "UnknownInstrument", "PriceBand", "Tick", "Lot", "MaxOrderSize", "TradingHours", "InstrumentHalted", "InsufficientCash",
        "InsufficientUnits", "AccountState", "NotAccountHolder", "UnknownOrder", "SelfTrade", "NotFillable", "BadPrice", "AlreadyHalted", "NotHalted",
        "AlreadyListed", "AlreadyOpen", "NotOperator", "UnknownHoldingAccount", "DayClosed", "DayNotOver", "BlockTradeSize", "BlockTradeBand", "UnknownProposal", "UnknownCounterparty", "ProposalExpired", "BlockTradeHours", "UnknownListing", "NotBestListing", "MinimumTake", "ListingQuantity", "ListingExpired", "Price", "Band", "Instrument", "Text",
        // Offset projects.
        "NotProgrammeRole", "ProjectStatus", "RefiledProgramme", "MonitoringStatus", "NotOwner", "NotOwnAccount", "NoOrganisation", "ProjectCodeTaken",
        "OutsideCreditingPeriod", "PeriodOverlaps", "NothingToIssue", "AboveClaim", "NoMatchingIssuance", "IssuanceLinked", "MethodologyNotAccepted",
        "CategoryNotInMethodology", "HostOutsideProgramme", "BoundaryRequired", "DesignatedAreaIsPhcer", "PreCdmIsCcer", "Period",
        "PeriodOrder", "Date", "Precision", "Forestry", "EvidenceRequired", "EvidenceWithoutMeasurement", "BasisRequired", "BasisWithoutRestatement", "NotForestry", "ProjectCode", "Province", "Coordinates", "Boundary", "Base64",
        // Market statistics import.
        "Number",
        // A value in a page's address outside what the page can show (Localization/Unbound.OutOfRange).
        "OutOfRange",
        // A plan figure the editor or a what-if sets outside the schema's bounds (Application/Allocation/PlanEdit).
        "FigureRange", "FigureMinimum",
        // Exchange one-way auctions (单向竞价).
        "UnknownAuction", "AuctionWindow", "AuctionReserve", "AuctionMinimumBid", "OwnAuction", "AuctionNotOver", "AuctionAlreadyClosed", "AuctionOpensBeforeNow",
        "AuctionWindowTooLong", "DateRange",
        // Members trading for clients (客户).
        "NotYourClient", "ClientAccount", "ClientHoldingAccount", "UnknownClient", "NoTransferOffer", "NotOfferedMember", "UnreadableAccount",
        "ClientMoveUnconfirmed",
        // Allocation: plans, what-ifs, circumstances and the allocation run; and a request the server could not read.
        "AuctionVolumeHeld", "AuctionWithdrawn", "AuctionEnded", "CapExceeded", "EnergyRange", "IssueRefused", "Jurisdiction", "MonthsRange", "NoHistoryBasis", "NotAHistoryYear", "NotNewest",
        "PlanApproved", "PlanYear", "RegistryNotInitialised", "SameDocument", "TooManyExclusions", "TrueUpDone", "UnknownPlan", "Version",
        "Http.BadRequest",
        // Energy monitoring.
        "UnknownMeter", "NotYourMeter", "ReadingChanged", "AlreadyRegistered", "UnknownUnit", "UnknownFault", "AlreadyRepaired", "BeforeMonitoring",
        "ImplausibleReading", "ReserveMonths", "ReserveMonthsBeforeNotice", "AuctionVolume", "UnknownJurisdiction", "ClaimComputed", "NotForestryMethodology",
        // An allocation plan document's problems on import: the JSON schema's keywords (PlanJson) and the plan rules (PlanRules).
        "minimum", "maximum", "exclusiveMinimum", "type", "enum", "const", "additionalProperties", "minLength", "maxLength", "pattern", "format",
        "minItems", "uniqueItems", "propertyNames", "schema", "Json", "SectorCovered", "UniqueSector", "OneDefault", "UniqueProduct",
        "UniqueFactor", "LoadFactorTable", "HistoryYears", "BandOrder", "ExclusionsLeaveAYear", "SameJurisdiction", "CapAddsUp",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Issue_7_EveryKey_ExistsInBothLanguages()
    {
        var zh = Text.All(Chinese);
        var en = Text.All(English);

        Assert.True(zh.Count > 250, $"only {zh.Count} Chinese texts");
        Assert.Empty(zh.Keys.Except(en.Keys).Order());
        Assert.Empty(en.Keys.Except(zh.Keys).Order());
        Assert.All(zh, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
        Assert.All(en, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
    }

    [Fact]
    public void Issue_7_EveryRuleAndRejection_HasItsTextInBothLanguages()
    {
        var zh = Text.All(Chinese);
        var en = Text.All(English);
        var keys = RuleCodes.Select(r => "rule." + r)
            .Concat(Enum.GetNames<RegistryRejection>().Select(r => "reg.rule." + r))
            .Concat(Enum.GetNames<CreditCodeError>().Where(e => e != nameof(CreditCodeError.None)).Select(e => "rule." + e));

        foreach (var key in keys)
        {
            Assert.True(zh.ContainsKey(key) && en.ContainsKey(key), $"{key} has no text");
        }
    }

    [Fact]
    public void EveryRuleCodeTheSourceWrites_HasItsTextInBothLanguages()
    {
        // A rule code written as a literal where a use case, a form or an edge refuses (FieldError, read.Fail, Refused,
        // Refuse): without its text a Chinese reader gets the use case's English sentence.
        var zh = Text.All(Chinese);
        var en = Text.All(English);
        var written = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var project in new[] { "OpenEts.Domain", "OpenEts.Application", "OpenEts.Server" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src", project), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match m in WrittenRule().Matches(File.ReadAllText(file)))
                {
                    written.Add(m.Groups["rule"].Value);
                }
            }
        }

        bool Has(IReadOnlyDictionary<string, string> texts, string rule) =>
            texts.ContainsKey("rule." + rule) || texts.ContainsKey("reg.rule." + rule) || texts.Keys.Any(k => k.StartsWith("rule." + rule + ".", StringComparison.Ordinal));
        Assert.True(written.Count > 150, $"only {written.Count} rule codes found");
        Assert.Equal("", string.Join(", ", written.Where(r => !Has(zh, r) || !Has(en, r))));
    }

    [Fact]
    public void Issue_7_EveryTextThePagesAskFor_Exists()
    {
        var known = Text.All(Chinese);
        var root = Path.Combine(RepositoryRoot(), "src", "OpenEts.Server");
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                         && !f.Contains($"{Path.DirectorySeparatorChar}Localization{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match m in LiteralKey().Matches(File.ReadAllText(file)))
            {
                if (!known.ContainsKey(m.Groups[1].Value))
                {
                    missing.Add($"{Path.GetFileName(file)}: {m.Groups[1].Value}");
                }
            }
        }
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("zh-CN", "数量")]
    [InlineData("en", "quantity")]
    public async Task Issue_7_ApiErrors_SpeakTheAcceptLanguageAndKeepTheRuleCode(string language, string expected)
    {
        using var client = await server.SignedInAsync("power-a");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/registry/transfers")
        {
            Content = JsonContent.Create(new { from = "GD-HOLD-POWER", to = "GD-HOLD-CEMENT", @class = "GDEA-2017", quantity = 0, idempotencyKey = "lang-" + language }),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await client.SendAsync(request, Ct);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("quantity", problem.GetProperty("field").GetString());
        Assert.Equal("Quantity", problem.GetProperty("rule").GetString());
        var message = problem.GetProperty("errors").GetProperty("quantity")[0].GetString()!;
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Equal(language == "en", !HasChinese(message));
    }

    [Fact]
    public async Task Issue_7_ARegistryRefusal_InChinese_HasNoEnglishSentence()
    {
        using var client = await server.SignedInAsync("power-a");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/registry/transfers")
        {
            Content = JsonContent.Create(new { from = "GD-HOLD-POWER", to = "GD-HOLD-CEMENT", @class = "GDEA-2017", quantity = 999_999_999_999L, idempotencyKey = "lang-refusal" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await client.SendAsync(request, Ct);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("InsufficientHoldings", problem.GetProperty("rule").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("持有量不足", detail, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{4,}", detail);
    }

    private static bool HasChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenEts.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    // T("key") and T("key", …) with a literal key; keys built at run time (T("reg.kind." + kind)) are not checked here.
    [GeneratedRegex("""\bT\("([A-Za-z0-9_.\-]+)"[,)]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex("""(?:FieldError\(\s*[^,;()]+,|\.Fail\(\s*[^,;()]+,|Refused\(|Refuse\()\s*"(?<rule>[A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)?)"\s*,""")]
    private static partial Regex WrittenRule();
}
